import type { FieldErrors, Resolver } from "react-hook-form";
import { getDescriptor } from "@/lib/providers/catalogue";
import type { ProviderId } from "./model";
import {
  checkAlertEmailField,
  checkEventsField,
  checkSecretField,
  checkUrlField,
  type UrlRuleContext,
} from "./rules";

/** What the create/edit form holds. */
export interface WebhookFormValues {
  url: string;
  events: string[];
  alertEmail: string;
  secret: string;
  active: boolean;
}

type FormField = "url" | "events" | "alertEmail" | "secret";

/**
 * Checks the form with the API's own field rules (./rules.ts): the values to save (the URL
 * trimmed, as the API trims it) or, per field, the key of the first rule it breaks.
 */
export function checkWebhookForm(
  provider: ProviderId,
  context: UrlRuleContext,
  values: WebhookFormValues,
): { values: WebhookFormValues; problems: Partial<Record<FormField, string>> } {
  const { fields } = getDescriptor(provider).capabilities;
  const checked = { ...values, url: values.url.trim() };
  const problems: Partial<Record<FormField, string | null>> = {
    url: checkUrlField(provider, checked.url, context),
    events: checkEventsField(checked.events),
    alertEmail: fields.alertEmail ? checkAlertEmailField(checked.alertEmail) : null,
    secret: fields.secret ? checkSecretField(checked.secret) : null,
  };
  const broken = Object.entries(problems).filter(
    (entry): entry is [FormField, string] => entry[1] !== null,
  );
  return { values: checked, problems: Object.fromEntries(broken) };
}

/** The form's react-hook-form resolver: checkWebhookForm, errors keyed as react-hook-form wants. */
export function webhookFormResolver(
  provider: ProviderId,
  context: UrlRuleContext,
): Resolver<WebhookFormValues> {
  return (input) => {
    const { values, problems } = checkWebhookForm(provider, context, input);
    const entries = Object.entries(problems);
    if (entries.length === 0) return { values, errors: {} };
    const errors: FieldErrors<WebhookFormValues> = {};
    for (const [field, message] of entries)
      errors[field as FormField] = { type: "validate", message };
    return { values: {}, errors };
  };
}
