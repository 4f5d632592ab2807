"use client";

import Link from "next/link";
import { useTranslations } from "use-intl";
import { AccountLabel } from "@/components/accounts/account-label";
import { useCan } from "@/components/auth/me-context";
import { Button, buttonVariants } from "@/components/ui/button";
import type { Account } from "@/lib/webhooks/model";

/**
 * Heading (naming the account), the count against the provider's limit and "New webhook"; the
 * account switcher is in the shell above (app/[provider]/[account]/layout.tsx).
 */
export function ListHeader({
  providerName,
  currentAccount,
  quota,
  listFailed,
  newHref,
}: {
  providerName: string;
  currentAccount: Account | null;
  quota: { used: number; max: number } | undefined;
  /** The list did not load: the limit is unknown, so a create would be a guess. */
  listFailed: boolean;
  newHref: string;
}) {
  const t = useTranslations("webhooks");
  const mayCreate = useCan("webhooks:write");
  const atLimit = quota !== undefined && quota.used >= quota.max;
  const blocked = atLimit
    ? t("limitReached", { provider: providerName, max: quota.max })
    : listFailed
      ? t("newBlockedListFailed")
      : null;
  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">
            {t("title")}
            {currentAccount && (
              // Seen, not part of the heading's name: that stays "Webhooks" (DESIGN.md); the
              // account switcher above names the account to a screen reader.
              <span aria-hidden className="font-normal text-slate-600">
                {" · "}
                <AccountLabel account={currentAccount} />
              </span>
            )}
          </h1>
        </div>
        <div className="flex items-center gap-3">
          {/* Its room is kept while the list loads, so "New webhook" does not move (CLS 0). */}
          <span className="min-w-48 text-right text-sm text-slate-600 tabular-nums">
            {quota && t("quota", { used: quota.used, max: quota.max })}
          </span>
          {!mayCreate ? null : blocked ? (
            <Button disabled aria-describedby="new-blocked-reason">
              {t("newWebhook")}
            </Button>
          ) : (
            <Link href={newHref} className={buttonVariants()}>
              {t("newWebhook")}
            </Link>
          )}
        </div>
      </div>
      {mayCreate && blocked && (
        <p
          id="new-blocked-reason"
          className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          {blocked}
        </p>
      )}
    </>
  );
}
