"use client";

import { AccountLabel } from "@/components/accounts/account-label";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import type { ProviderId } from "@/lib/webhooks/model";
import { accountQueries } from "@/lib/webhooks/queries";

/** One provider's accounts, fetched through the console API and paged by its cursors. */
export function ProviderAccounts({
  provider,
  displayName,
}: {
  provider: ProviderId;
  displayName: string;
}) {
  const [cursor, setCursor] = useState<string | undefined>();
  const { data, error, isPending, isFetching, refetch } = useQuery(
    accountQueries.list(provider, { cursor }),
  );
  const t = useTranslations();
  const headingId = `accounts-${provider}`;

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id={headingId} className="mb-3 text-base font-semibold">
        {displayName}
      </h2>
      {isPending ? (
        <div
          aria-busy="true"
          aria-label={t("home.loadingAccounts", { provider: displayName })}
          className="space-y-2"
        >
          <Skeleton className="h-5 w-2/3" />
          <Skeleton className="h-5 w-1/2" />
          <Skeleton className="h-5 w-3/5" />
        </div>
      ) : error ? (
        <div role="alert" className="space-y-2 text-sm">
          <p className="text-red-700">{error.message}</p>
          <Button
            variant="secondary"
            size="sm"
            onClick={() => void refetch()}
            disabled={isFetching}
          >
            {t("common.tryAgain")}
          </Button>
        </div>
      ) : data.data.length === 0 ? (
        <p className="text-sm text-slate-600">{t("home.noAccounts", { provider: displayName })}</p>
      ) : (
        <>
          <ul
            aria-label={t("home.accountsOf", { provider: displayName })}
            className="divide-y divide-slate-100"
          >
            {data.data.map((account) => (
              <li key={account.id} className="flex items-center justify-between gap-4 py-2 text-sm">
                <Link
                  href={`/${provider}/${account.id}/webhooks`}
                  className="font-medium text-indigo-700 hover:underline"
                >
                  <AccountLabel account={account} />
                </Link>
                <code className="truncate text-xs text-slate-500">{account.id}</code>
              </li>
            ))}
          </ul>
          {(data.page.previous || data.page.next) && (
            <div className="mt-3 flex justify-end gap-2">
              <Button
                variant="secondary"
                size="sm"
                disabled={!data.page.previous || isFetching}
                onClick={() => setCursor(data.page.previous ?? undefined)}
              >
                {t("common.previousPage")}
              </Button>
              <Button
                variant="secondary"
                size="sm"
                disabled={!data.page.next || isFetching}
                onClick={() => setCursor(data.page.next ?? undefined)}
              >
                {t("common.nextPage")}
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
