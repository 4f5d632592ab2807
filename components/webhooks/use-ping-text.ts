"use client";

import { useTranslations } from "use-intl";
import type { PingReport, PingSummaryOutcome } from "@/lib/webhooks/model";

/** A ping's outcome and message in the user's language, from the codes the server sends. */
export function usePingText() {
  const t = useTranslations("pings");
  return {
    outcome: (outcome: PingSummaryOutcome) => t(`outcome.${outcome}`),
    message: ({ messageCode, messageValues }: Pick<PingReport, "messageCode" | "messageValues">) =>
      t(`messages.${messageCode}`, messageValues),
  };
}
