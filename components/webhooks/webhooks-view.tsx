"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useDebouncedCallback } from "use-debounce";
import { useTranslations } from "use-intl";
import { AccountSwitcher } from "@/components/accounts/account-switcher";
import { Button, buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ProviderId } from "@/lib/webhooks/model";
import { webhookQueries } from "@/lib/webhooks/queries";
import { ListEmpty, ListError, ListLoading, ListNoMatches } from "./list-states";
import { DateFilter, dayToUnix } from "./date-filter";
import { WebhooksTable } from "./webhooks-table";

const SEARCH_DEBOUNCE_MS = 300;
/** The console API's bounds for `limit`; anything else in the URL falls back to its default. */
const MAX_PAGE_SIZE = 100;

/** `?limit=` from the URL, so a link (or a test) can ask for smaller pages. */
function pageSizeOf(value: string | null): number | undefined {
  const size = Number(value);
  return Number.isInteger(size) && size >= 1 && size <= MAX_PAGE_SIZE ? size : undefined;
}

/** The list of an account's webhooks; search and page live in the URL so a link shows the same view. */
export function WebhooksView({
  provider,
  providerName,
  account,
}: {
  provider: ProviderId;
  providerName: string;
  account: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const q = searchParams.get("q") ?? "";
  const cursor = searchParams.get("cursor") ?? undefined;
  const limit = pageSizeOf(searchParams.get("limit"));
  const [searchText, setSearchText] = useState(q);

  const dates = {
    from: searchParams.get("from") ?? undefined,
    to: searchParams.get("to") ?? undefined,
  };

  const list = useQuery(
    webhookQueries.list(provider, account, {
      q: q || undefined,
      limit,
      cursor,
      from: dayToUnix(dates.from, "start"),
      to: dayToUnix(dates.to, "end"),
    }),
  );

  /** Changes some of the view's URL parameters; any change but paging starts again at page one. */
  const navigate = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(searchParams);
    if (!("cursor" in changes)) next.delete("cursor");
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    router.replace(next.size > 0 ? `${pathname}?${next.toString()}` : pathname, { scroll: false });
  };
  const search = useDebouncedCallback(
    (value: string) => navigate({ q: value.trim() }),
    SEARCH_DEBOUNCE_MS,
  );
  const clearSearch = () => {
    search.cancel();
    setSearchText("");
    navigate({ q: undefined });
  };

  const quota = list.data?.quota;
  const atLimit = quota !== undefined && quota.used >= quota.max;
  const newHref = `/${provider}/${account}/webhooks/new`;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-2">
          <h1 className="text-2xl font-semibold">{t("webhooks.title")}</h1>
          <AccountSwitcher provider={provider} account={account} />
        </div>
        <div className="flex items-center gap-3">
          {quota && (
            <span
              aria-label={t("webhooks.quotaLabel")}
              className="text-sm text-slate-600 tabular-nums"
            >
              {t("webhooks.quota", { used: quota.used, max: quota.max })}
            </span>
          )}
          {atLimit ? (
            <Button disabled aria-describedby="limit-reason">
              {t("webhooks.newWebhook")}
            </Button>
          ) : (
            <Link href={newHref} className={buttonVariants()}>
              {t("webhooks.newWebhook")}
            </Link>
          )}
        </div>
      </div>
      {atLimit && (
        <p id="limit-reason" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("webhooks.limitReached", { provider: providerName, max: quota.max })}
        </p>
      )}

      <div className="flex flex-wrap items-end gap-4">
        <div className="w-full max-w-md">
          <Input
            type="search"
            aria-label={t("webhooks.search")}
            // Razorpay cannot search: the console searches URLs and event names itself.
            placeholder={
              provider === "razorpay"
                ? t("webhooks.searchPlaceholderEvents")
                : t("webhooks.searchPlaceholder")
            }
            value={searchText}
            onChange={(event) => {
              setSearchText(event.target.value);
              search(event.target.value);
            }}
          />
        </div>
        {provider === "razorpay" && (
          <DateFilter
            value={dates}
            onChange={(range) => navigate({ from: range.from, to: range.to })}
          />
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
        q ? (
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
          <ListEmpty providerName={providerName} newHref={newHref} canCreate={!atLimit} />
        )
      ) : (
        <div
          aria-busy={list.isFetching}
          className={list.isPlaceholderData ? "opacity-60" : undefined}
        >
          <WebhooksTable provider={provider} account={account} webhooks={list.data.data} />
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
