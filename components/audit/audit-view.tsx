"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "use-intl";
import { Button, buttonVariants } from "@/components/ui/button";
import { auditQueries, auditSearch } from "@/lib/audit/queries";
import { AuditFilters } from "./audit-filters";
import { AuditEmpty, AuditError, AuditLoading } from "./audit-states";
import { AuditTable } from "./audit-table";
import { useAuditParams } from "./use-audit-params";

/** The audit page below its heading: filters and page in the URL, the table, paging, CSV. */
export function AuditView() {
  const t = useTranslations();
  const params = useAuditParams();
  const list = useQuery(auditQueries.list({ ...params.filters, cursor: params.cursor }));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <AuditFilters
          filters={params.filters}
          onChange={params.setFilters}
          onClear={params.clearFilters}
        />
        {/* A plain link: the browser downloads the file (the session cookie goes along). */}
        <a
          href={`/api/audit.csv${auditSearch(params.filters)}`}
          download
          className={buttonVariants({ variant: "secondary", size: "sm" })}
        >
          {t("audit.exportCsv")}
        </a>
      </div>

      {list.isPending ? (
        <AuditLoading />
      ) : list.isError ? (
        <AuditError
          error={list.error}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      ) : list.data.data.length === 0 && !params.hasPrevious ? (
        params.hasFilters ? (
          <AuditEmpty message={t("audit.noMatches")} onClear={params.clearFilters} />
        ) : (
          <AuditEmpty message={`${t("audit.empty")} ${t("audit.emptyBody")}`} />
        )
      ) : (
        <div
          aria-busy={list.isFetching}
          className={list.isPlaceholderData ? "opacity-60" : undefined}
        >
          <AuditTable entries={list.data.data} label={t("audit.title")} />
          <nav aria-label={t("audit.pagination")} className="mt-3 flex justify-end gap-2">
            <Button
              variant="secondary"
              size="sm"
              disabled={!params.hasPrevious}
              onClick={params.previousPage}
            >
              {t("common.previousPage")}
            </Button>
            <Button
              variant="secondary"
              size="sm"
              disabled={!list.data.page.next}
              onClick={() => list.data.page.next && params.nextPage(list.data.page.next)}
            >
              {t("common.nextPage")}
            </Button>
          </nav>
        </div>
      )}
    </div>
  );
}
