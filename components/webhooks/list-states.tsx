"use client";

import Link from "next/link";
import { useTranslations } from "use-intl";
import { Button, buttonVariants } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { ApiError } from "@/lib/webhooks/api-client";

/**
 * The list's shape while it loads: the table's frame, header and rows at their final heights, so
 * nothing below moves when the data arrives.
 */
export function ListLoading() {
  const t = useTranslations("webhooks");
  return (
    <div
      role="status"
      aria-label={t("loadingList")}
      className="overflow-hidden rounded-lg border border-slate-200 bg-white"
    >
      <div className="h-10 border-b border-slate-200 bg-slate-50 max-sm:hidden" />
      {[0, 1, 2].map((i) => (
        <div
          key={i}
          className="flex h-[49px] items-center gap-6 border-b border-slate-100 px-3 last:border-0"
        >
          <Skeleton className="h-4 flex-1" />
          <Skeleton className="h-4 w-16 max-sm:hidden" />
          <Skeleton className="h-5 w-20 rounded-full max-sm:hidden" />
          <Skeleton className="h-4 w-14 max-sm:hidden" />
          <Skeleton className="h-8 w-36" />
        </div>
      ))}
    </div>
  );
}

export function ListError({
  error,
  onRetry,
  retrying,
}: {
  error: Error;
  onRetry: () => void;
  retrying: boolean;
}) {
  const t = useTranslations();
  // An account this console may not open stays refused however often one asks: no "Try again".
  const forbidden = error instanceof ApiError && error.status === 403;
  return (
    <div role="alert" className="space-y-3 rounded-lg border border-red-200 bg-red-50 p-4 text-sm">
      <p className="font-medium text-red-900">
        {forbidden ? t("webhooks.forbiddenTitle") : t("webhooks.errorTitle")}
      </p>
      <p className="text-red-800">{error.message}</p>
      {error instanceof ApiError && error.envelope.requestId !== "unknown" && (
        <p className="text-xs text-red-700">
          {t("webhooks.requestId", { id: error.envelope.requestId })}
        </p>
      )}
      {forbidden ? (
        <Link href="/" className={buttonVariants({ variant: "secondary", size: "sm" })}>
          {t("webhooks.backToAccounts")}
        </Link>
      ) : (
        <Button
          variant="secondary"
          size="sm"
          onClick={onRetry}
          disabled={retrying}
          aria-busy={retrying}
        >
          {t("common.tryAgain")}
        </Button>
      )}
    </div>
  );
}

export function ListEmpty({
  providerName,
  newHref,
  canCreate,
}: {
  providerName: string;
  newHref: string;
  canCreate: boolean;
}) {
  const t = useTranslations("webhooks");
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
      <p className="font-medium">{t("emptyTitle")}</p>
      <p className="mt-1 text-sm text-slate-600">{t("emptyBody", { provider: providerName })}</p>
      {canCreate && (
        <Link href={newHref} className={`${buttonVariants()} mt-4`}>
          {t("newWebhook")}
        </Link>
      )}
    </div>
  );
}

export function ListNoMatches({
  message,
  clearLabel,
  onClear,
}: {
  message: string;
  clearLabel: string;
  onClear: () => void;
}) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-8 text-center">
      <p className="text-sm text-slate-700">{message}</p>
      <Button variant="secondary" size="sm" className="mt-3" onClick={onClear}>
        {clearLabel}
      </Button>
    </div>
  );
}

/** A later page that has emptied (its last rows deleted): the way back, not "No webhooks yet". */
export function ListPageEmpty({
  onPrevious,
  onFirstPage,
}: {
  onPrevious?: () => void;
  onFirstPage: () => void;
}) {
  const t = useTranslations();
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-8 text-center">
      <p className="text-sm text-slate-700">{t("webhooks.pageEmpty")}</p>
      <div className="mt-3 flex justify-center gap-2">
        {onPrevious && (
          <Button variant="secondary" size="sm" onClick={onPrevious}>
            {t("common.previousPage")}
          </Button>
        )}
        <Button variant="secondary" size="sm" onClick={onFirstPage}>
          {t("webhooks.backToFirstPage")}
        </Button>
      </div>
    </div>
  );
}
