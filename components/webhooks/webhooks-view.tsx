"use client";

import { getDescriptor } from "@/lib/providers/catalogue";
import { useQuery } from "@tanstack/react-query";
import { useRef } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { Account, ProviderId } from "@/lib/webhooks/model";
import { webhookQueries } from "@/lib/webhooks/queries";
import { useCan } from "@/components/auth/me-context";
import { ListEmpty, ListError, ListLoading, ListNoMatches, ListPageEmpty } from "./list-states";
import { DateFilter } from "./date-filter";
import { ListHeader } from "./list-header";
import { ListShortcuts } from "./list-shortcuts";
import { PingAllButton } from "./ping-all-button";
import { useListParams } from "./use-list-params";
import { WebhooksTable } from "./webhooks-table";

/** The list of an account's webhooks; search and page live in the URL so a link shows the same view. */
export function WebhooksView({
  provider,
  providerName,
  account,
  currentAccount = null,
}: {
  provider: ProviderId;
  providerName: string;
  account: string;
  /** The account as the provider names it, looked up on the server; null when that failed. */
  currentAccount?: Account | null;
}) {
  const t = useTranslations();
  const { capabilities } = getDescriptor(provider);
  const mayCreate = useCan("webhooks:write");
  const mayPing = useCan("webhooks:ping");
  const { q, dates, query, navigate, searchText, setSearchText, clearSearch } = useListParams();
  const list = useQuery(webhookQueries.list(provider, account, query));

  const quota = list.data?.quota;
  const atLimit = quota !== undefined && quota.used >= quota.max;
  const newHref = `/${provider}/${account}/webhooks/new`;
  const searchRef = useRef<HTMLInputElement>(null);

  return (
    <div className="space-y-4">
      <ListShortcuts
        searchRef={searchRef}
        newHref={mayCreate && list.isSuccess && !atLimit ? newHref : null}
      />
      <ListHeader
        providerName={providerName}
        currentAccount={currentAccount}
        quota={quota}
        listFailed={list.isError}
        newHref={newHref}
      />

      <div className="flex flex-wrap items-end gap-4">
        <div className="w-full max-w-md">
          <Input
            ref={searchRef}
            type="search"
            aria-label={t("webhooks.search")}
            // Where the provider cannot search, the console searches URLs and event names itself.
            placeholder={
              capabilities.search === "console"
                ? t("webhooks.searchPlaceholderEvents")
                : t("webhooks.searchPlaceholder")
            }
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
          />
        </div>
        {capabilities.dateFilter && (
          <DateFilter
            value={dates}
            onChange={(range) => navigate({ from: range.from, to: range.to })}
          />
        )}
        {mayPing && list.isSuccess && list.data.data.length > 0 && (
          <div className="ml-auto">
            <PingAllButton provider={provider} account={account} list={list.data} params={query} />
          </div>
        )}
      </div>

      {list.isPending ? (
        <ListLoading />
      ) : list.isError ? (
        <ListError
          error={list.error}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      ) : list.data.data.length === 0 ? (
        query.cursor ? (
          <ListPageEmpty
            onPrevious={
              list.data.page.previous
                ? () => navigate({ q, cursor: list.data.page.previous ?? undefined })
                : undefined
            }
            onFirstPage={() => navigate({ q })}
          />
        ) : q ? (
          <ListNoMatches
            message={t("webhooks.noMatches", { q })}
            clearLabel={t("webhooks.clearSearch")}
            onClear={clearSearch}
          />
        ) : dates.from || dates.to ? (
          <ListNoMatches
            message={t("webhooks.noMatchesInDates")}
            clearLabel={t("webhooks.clearDates")}
            onClear={() => navigate({ from: undefined, to: undefined })}
          />
        ) : (
          <ListEmpty
            providerName={providerName}
            newHref={newHref}
            canCreate={!atLimit && mayCreate}
          />
        )
      ) : (
        <div
          aria-busy={list.isFetching}
          className={list.isPlaceholderData ? "opacity-60" : undefined}
        >
          <WebhooksTable
            provider={provider}
            account={account}
            webhooks={list.data.data}
            lastPings={list.data.lastPings}
            eventTotal={list.data.eventTotal}
          />
          <nav aria-label={t("webhooks.pagination")} className="mt-3 flex justify-end gap-2">
            <Button
              variant="secondary"
              size="sm"
              disabled={!list.data.page.previous}
              onClick={() => navigate({ q, cursor: list.data.page.previous ?? undefined })}
            >
              {t("common.previousPage")}
            </Button>
            <Button
              variant="secondary"
              size="sm"
              disabled={!list.data.page.next}
              onClick={() => navigate({ q, cursor: list.data.page.next ?? undefined })}
            >
              {t("common.nextPage")}
            </Button>
          </nav>
        </div>
      )}
    </div>
  );
}
