"use client";

import { useFormatter, useTranslations } from "use-intl";
import { exactMomentFormat } from "@/lib/i18n/date-formats";
import type { PingSummary } from "@/lib/webhooks/model";
import { usePingText } from "./use-ping-text";

/**
 * A failed ping's facts, opened from its row: status, latency, what happened, the start of the
 * endpoint's reply, when and by whom.
 */
export function PingDetails({ ping }: { ping: PingSummary }) {
  const t = useTranslations("pings");
  const text = usePingText();
  const format = useFormatter();
  const facts: [string, string][] = [
    [t("detailStatus"), ping.httpStatus === null ? t("noStatus") : String(ping.httpStatus)],
    [
      t("detailLatency"),
      ping.latencyMs === null ? "—" : t("latencyMs", { ms: Math.round(ping.latencyMs) }),
    ],
    [t("detailMessage"), text.message(ping)],
    // What the endpoint (or, for Conekta, its delivery log) says it answered.
    ...(ping.responseExcerpt
      ? [[t("detailResponse"), ping.responseExcerpt] as [string, string]]
      : []),
    [t("detailAt"), format.dateTime(new Date(ping.at), exactMomentFormat)],
    ...(ping.by ? [[t("detailBy"), ping.by] as [string, string]] : []),
  ];
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-indigo-700">{t("details")}</summary>
      <dl className="mt-1 grid w-64 grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 rounded-md bg-slate-50 p-2 whitespace-normal">
        {facts.map(([name, value]) => (
          <div key={name} className="contents">
            <dt className="text-slate-500">{name}</dt>
            <dd className="break-all text-slate-800">{value}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
