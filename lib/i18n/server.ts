import "server-only";
import { cookies, headers } from "next/headers";
import { createTranslator } from "use-intl/core";
import { LANGUAGE_COOKIE, pickLanguage, type Language } from "@/lib/http/language";
import { messages } from "./messages";

/** The language of this request: the saved choice, else the browser's Accept-Language. */
export async function getLanguage(): Promise<Language> {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  return pickLanguage(cookieStore.get(LANGUAGE_COOKIE)?.value, headerStore.get("accept-language"));
}

export async function getTranslator() {
  const locale = await getLanguage();
  return { locale, t: createTranslator({ locale, messages: messages[locale] }) };
}
