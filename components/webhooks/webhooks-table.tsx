"use client";

import { IntentLink } from "@/components/layout/intent-link";
import { useFormatter, useTranslations } from "use-intl";
import { useCan } from "@/components/auth/me-context";
import { buttonVariants } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { exactMomentFormat } from "@/lib/i18n/date-formats";
import { cn } from "@/lib/utils/cn";
import type { PingSummary, ProviderId, Webhook } from "@/lib/webhooks/model";
import { Pencil } from "lucide-react";
import { CopyButton } from "./copy-button";
import { DeleteWebhookButton } from "./delete-webhook-button";
import { LastPing } from "./last-ping";
import { MiddleTruncated } from "./middle-truncated";
import { PingButton } from "./ping-button";
import { RowMenu } from "./row-menu";

/** A cell inside a stacked (small-screen) row: the row draws the border, not each cell. */
const stacked = "max-sm:block max-sm:border-0 max-sm:py-1";

function StatusBadge({ webhook }: { webhook: Webhook }) {
  const t = useTranslations("webhooks.status");
  // Conekta's known statuses in the user's language; anything newer shows as Conekta says it.
  const known = webhook.status === "listening" || webhook.status === "intermittent_errors";
  const label = known
    ? t(webhook.status === "listening" ? "listening" : "intermittentErrors")
    : (webhook.status ??
      (webhook.active === null ? t("unknown") : webhook.active ? t("active") : t("disabled")));
  const healthy =
    webhook.active !== false && (webhook.status === null || webhook.status === "listening");
  return (
    <span
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${healthy ? "bg-emerald-50 text-emerald-800" : "bg-amber-50 text-amber-900"}`}
    >
      {label}
    </span>
  );
}

export function WebhooksTable({
  provider,
  account,
  webhooks,
  lastPings,
  eventTotal,
}: {
  provider: ProviderId;
  account: string;
  webhooks: Webhook[];
  /** The newest ping of each webhook, by id; none for a webhook never pinged. */
  lastPings: Record<string, PingSummary>;
  /** How many events the provider offers: a webhook with that many gets "All events". */
  eventTotal: number;
}) {
  const t = useTranslations("webhooks");
  const tPings = useTranslations("pings");
  const format = useFormatter();
  // What the role allows; the server refuses the rest anyway (the route wrapper).
  const mayPing = useCan("webhooks:ping");
  const mayWrite = useCan("webhooks:write");
  const showCreated = webhooks.some((w) => w.createdAt !== null);
  // Below `sm` six columns do not fit: each row becomes a card (URL, then events, status, date and
  // last ping side by side, then the actions), so nothing hides behind a sideways scroll.
  return (
    <Table aria-label={t("title")} className="max-sm:block">
      <thead className="max-sm:hidden">
        <tr>
          <Th>{t("columns.url")}</Th>
          <Th>{t("columns.events")}</Th>
          <Th>{t("columns.status")}</Th>
          {showCreated && <Th>{t("columns.created")}</Th>}
          <Th>{tPings("lastPing")}</Th>
          <Th className="text-right">{t("columns.actions")}</Th>
        </tr>
      </thead>
      <tbody className="max-sm:block">
        {webhooks.map((webhook) => (
          <tr
            key={webhook.id}
            className="max-sm:flex max-sm:flex-wrap max-sm:items-start max-sm:gap-x-4 max-sm:border-t max-sm:border-slate-100 max-sm:py-2 max-sm:first:border-t-0"
          >
            {/* The URL takes what the other cells leave (w-full, max-w-0) and is cut in the
                middle, so the row stays one line at 1280 px. */}
            <Td
              className={cn(
                "w-full max-w-0 min-w-56 max-sm:w-auto max-sm:max-w-none max-sm:min-w-0 max-sm:basis-full",
                stacked,
              )}
            >
              <div className="flex min-w-0 items-center gap-1">
                <span className="flex min-w-0 flex-1 font-mono text-xs">
                  <MiddleTruncated text={webhook.url} />
                </span>
                <CopyButton value={webhook.url} label={t("copyUrl")} />
              </div>
            </Td>
            <Td className={cn("whitespace-nowrap", stacked)}>
              {webhook.events.length === 0 ? (
                <span className="text-slate-500">{t("eventCount", { count: 0 })}</span>
              ) : (
                <details>
                  <summary className="cursor-pointer text-indigo-700">
                    {eventTotal > 0 && webhook.events.length >= eventTotal
                      ? t("allEvents", { count: webhook.events.length })
                      : t("eventCount", { count: webhook.events.length })}
                  </summary>
                  <ul className="mt-1 space-y-0.5 font-mono text-xs">
                    {webhook.events.map((event) => (
                      <li key={event}>{event}</li>
                    ))}
                  </ul>
                </details>
              )}
            </Td>
            <Td className={cn("whitespace-nowrap", stacked)}>
              <StatusBadge webhook={webhook} />
            </Td>
            {showCreated && (
              <Td className={cn("whitespace-nowrap text-slate-600", stacked)}>
                {webhook.createdAt ? (
                  <time
                    dateTime={webhook.createdAt}
                    title={format.dateTime(new Date(webhook.createdAt), exactMomentFormat)}
                  >
                    {format.dateTime(new Date(webhook.createdAt), { dateStyle: "medium" })}
                  </time>
                ) : (
                  "—"
                )}
              </Td>
            )}
            <Td className={cn("whitespace-nowrap", stacked)}>
              <LastPing ping={lastPings[webhook.id]} />
            </Td>
            <Td className={cn("max-sm:basis-full", stacked)}>
              {/* One primary action; Edit and Delete keep their names (DESIGN.md) as icon
                  buttons; the rest is in the row's menu. */}
              <div className="flex items-center justify-end gap-1 max-sm:justify-start">
                {mayPing && <PingButton provider={provider} account={account} webhook={webhook} />}
                {mayWrite && (
                  <IntentLink
                    href={`/${provider}/${account}/webhooks/${webhook.id}`}
                    aria-label={t("edit")}
                    title={t("edit")}
                    className={buttonVariants({ variant: "ghost", size: "icon" })}
                  >
                    <Pencil aria-hidden className="size-4" />
                  </IntentLink>
                )}
                {mayWrite && (
                  <DeleteWebhookButton
                    provider={provider}
                    account={account}
                    webhook={webhook}
                    compact
                  />
                )}
                <RowMenu provider={provider} account={account} webhook={webhook} />
              </div>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
