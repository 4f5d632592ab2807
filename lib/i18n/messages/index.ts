import enAudit from "./en/audit.json";
import enAuth from "./en/auth.json";
import enCommon from "./en/common.json";
import enErrors from "./en/errors.json";
import enForm from "./en/form.json";
import enPings from "./en/pings.json";
import enValidation from "./en/validation.json";
import enUsers from "./en/users.json";
import enWebhooks from "./en/webhooks.json";
import esAudit from "./es/audit.json";
import esAuth from "./es/auth.json";
import esCommon from "./es/common.json";
import esErrors from "./es/errors.json";
import esForm from "./es/form.json";
import esPings from "./es/pings.json";
import esValidation from "./es/validation.json";
import esUsers from "./es/users.json";
import esWebhooks from "./es/webhooks.json";

/**
 * Each feature keeps its strings in its own file per language; they are merged here. The English
 * messages are the source of truth for keys, and a unit test checks that Spanish has the same.
 */
export const messages = {
  en: {
    ...enAudit,
    ...enAuth,
    ...enCommon,
    ...enErrors,
    ...enForm,
    ...enPings,
    ...enValidation,
    ...enUsers,
    ...enWebhooks,
  },
  es: {
    ...esAudit,
    ...esAuth,
    ...esCommon,
    ...esErrors,
    ...esForm,
    ...esPings,
    ...esValidation,
    ...esUsers,
    ...esWebhooks,
  },
};

export type Messages = (typeof messages)["en"];
