"use client";

import { useTranslations } from "use-intl";
import type { PingSummary } from "@/lib/webhooks/model";
import { PingDetails } from "./ping-details";
import { PingOutcomeBadge } from "./ping-outcome";
import { PingTime } from "./ping-time";
import { usePingText } from "./use-ping-text";

/** A list row's Last ping: outcome badge and how long ago, or "Never"; a failed one has Details. */
export function LastPing({ ping }: { ping: PingSummary | undefined }) {
  const t = useTranslations("pings");
  const text = usePingText();
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-slate-600">
      {/* Without the header row (a small screen's card), the cell says what it is. */}
      <span className="text-xs text-slate-500 sm:hidden">{t("lastPing")}:</span>
      {ping ? (
        <span
          className="flex items-center gap-2"
          title={
            ping.by ? `${text.message(ping)} ${t("by", { email: ping.by })}` : text.message(ping)
          }
        >
          <PingOutcomeBadge outcome={ping.outcome} />
          <PingTime at={ping.at} />
        </span>
      ) : (
        <span className="text-slate-500">{t("never")}</span>
      )}
      {ping && (ping.outcome === "failed" || ping.outcome === "error") && (
        <PingDetails ping={ping} />
      )}
    </div>
  );
}
