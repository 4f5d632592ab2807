import enCommon from "./en/common.json";
import esCommon from "./es/common.json";

/**
 * Each feature keeps its strings in its own file per language; they are merged here. The English
 * messages are the source of truth for keys, and a unit test checks that Spanish has the same.
 */
export const messages = {
  en: { ...enCommon },
  es: { ...esCommon },
};

export type Messages = (typeof messages)["en"];
