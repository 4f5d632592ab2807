import { createTranslator } from "use-intl/core";
import type { Language } from "@/lib/http/language";
import { messages } from "@/lib/i18n/messages";
import type { PingReport, PingResult } from "./model";

type PingMessage = Pick<PingReport, "messageCode" | "messageValues">;

/**
 * A ping's message in one language, from its code. The browser translates the code itself
 * (useTranslations); this is for the server, whose ping reply keeps an English `message` for
 * scripts.
 */
export function describePing({ messageCode, messageValues }: PingMessage, language: Language) {
  const t = createTranslator({
    locale: language,
    messages: messages[language],
    namespace: "pings.messages",
  });
  return t(messageCode, messageValues);
}

/** The ping API's reply for a provider's report: the report and its English message. */
export function toPingResult(report: PingReport): PingResult {
  return { ...report, message: describePing(report, "en") };
}
