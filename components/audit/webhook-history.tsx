"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "use-intl";
import { auditQueries, auditSearch } from "@/lib/audit/queries";
import type { ProviderId } from "@/lib/webhooks/model";
import { AuditEmpty, AuditError, AuditLoading } from "./audit-states";
import { AuditTable } from "./audit-table";

/** The edit page's History: this webhook's newest audit entries, and a link to all of them. */
export function WebhookHistory({
  provider,
  account,
  id,
}: {
  provider: ProviderId;
  account: string;
  id: string;
}) {
  const t = useTranslations("audit");
  const filters = { account: `${provider}:${account}`, webhook: id };
  const list = useQuery(auditQueries.list(filters));
  const headingId = `history-${id}`;
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h2 id={headingId} className="text-lg font-semibold">
        {t("history")}
      </h2>
      {list.isPending ? (
        <AuditLoading rows={3} />
      ) : list.isError ? (
        <AuditError
          error={list.error}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      ) : list.data.data.length === 0 ? (
        <AuditEmpty message={t("historyEmpty")} />
      ) : (
        <>
          <AuditTable entries={list.data.data} label={t("history")} showTarget={false} />
          {list.data.page.hasMore && (
            <Link
              href={`/audit${auditSearch(filters)}`}
              className="text-sm text-indigo-700 hover:underline"
            >
              {t("historyAll")}
            </Link>
          )}
        </>
      )}
    </section>
  );
}
