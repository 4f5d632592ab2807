"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, Td, Th } from "@/components/ui/table";
import type { PingSummary, ProviderId } from "@/lib/webhooks/model";
import { webhookQueries } from "@/lib/webhooks/queries";
import { PingOutcomeBadge } from "./ping-outcome";
import { PingTime } from "./ping-time";
import { usePingText } from "./use-ping-text";

/** The edit page's Recent pings: the webhook's last 20 pings, newest first. */
export function PingHistory({
  provider,
  account,
  id,
}: {
  provider: ProviderId;
  account: string;
  id: string;
}) {
  const t = useTranslations("pings.history");
  // Shares the form's query (no second request): a webhook that does not exist, or is still
  // loading, has no history to show.
  const webhook = useQuery(webhookQueries.detail(provider, account, id));
  const pings = useQuery({
    ...webhookQueries.pings(provider, account, id),
    enabled: webhook.isSuccess,
  });
  if (!webhook.isSuccess) return null;

  return (
    <section aria-labelledby="recent-pings" className="max-w-5xl space-y-3">
      <div>
        <h2 id="recent-pings" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="text-sm text-slate-600">{t("description")}</p>
      </div>
      {pings.isPending ? (
        <div role="status" aria-label={t("loading")} className="space-y-2">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-6 w-full" />
          ))}
        </div>
      ) : pings.isError ? (
        <PingHistoryError
          message={pings.error.message}
          onRetry={() => void pings.refetch()}
          retrying={pings.isFetching}
        />
      ) : pings.data.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-600">
          {t("empty")}
        </p>
      ) : (
        <PingHistoryTable pings={pings.data} />
      )}
    </section>
  );
}

function PingHistoryTable({ pings }: { pings: PingSummary[] }) {
  const t = useTranslations("pings.history");
  const text = usePingText();
  return (
    <Table aria-label={t("title")}>
      <thead>
        <tr>
          <Th>{t("columns.when")}</Th>
          <Th>{t("columns.who")}</Th>
          <Th>{t("columns.outcome")}</Th>
          <Th>{t("columns.status")}</Th>
          <Th>{t("columns.latency")}</Th>
          <Th>{t("columns.message")}</Th>
        </tr>
      </thead>
      <tbody>
        {pings.map((ping, index) => (
          // Two pings can share a millisecond; their order is the server's.
          <tr key={`${ping.at}-${index}`}>
            <Td className="whitespace-nowrap text-slate-600">
              <PingTime at={ping.at} />
            </Td>
            <Td className="whitespace-nowrap">{ping.by ?? "—"}</Td>
            <Td>
              <PingOutcomeBadge outcome={ping.outcome} />
            </Td>
            <Td className="tabular-nums">{ping.httpStatus ?? "—"}</Td>
            <Td className="whitespace-nowrap tabular-nums">
              {ping.latencyMs === null ? "—" : t("latencyMs", { ms: Math.round(ping.latencyMs) })}
            </Td>
            <Td className="min-w-56 text-slate-700">{text.message(ping)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function PingHistoryError(props: { message: string; onRetry: () => void; retrying: boolean }) {
  const t = useTranslations();
  return (
    <div role="alert" className="space-y-2 rounded-lg border border-red-200 bg-red-50 p-4 text-sm">
      <p className="font-medium text-red-900">{t("pings.history.error")}</p>
      <p className="text-red-800">{props.message}</p>
      <Button
        variant="secondary"
        size="sm"
        onClick={props.onRetry}
        disabled={props.retrying}
        aria-busy={props.retrying}
      >
        {t("common.tryAgain")}
      </Button>
    </div>
  );
}
