"use client";

import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { ApiError } from "@/lib/webhooks/api-client";

export function UsersLoading() {
  const t = useTranslations("users");
  return (
    <div
      role="status"
      aria-label={t("loading")}
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
    >
      {[0, 1, 2, 3].map((i) => (
        <Skeleton key={i} className="h-8 w-full" />
      ))}
    </div>
  );
}

export function UsersError({
  error,
  onRetry,
  retrying,
}: {
  error: Error;
  onRetry?: () => void;
  retrying?: boolean;
}) {
  const t = useTranslations();
  return (
    <div role="alert" className="space-y-3 rounded-lg border border-red-200 bg-red-50 p-4 text-sm">
      <p className="font-medium text-red-900">{t("users.loadFailed")}</p>
      <p className="text-red-800">{error.message}</p>
      {error instanceof ApiError && error.envelope.requestId !== "unknown" && (
        <p className="text-xs text-red-700">
          {t("webhooks.requestId", { id: error.envelope.requestId })}
        </p>
      )}
      {onRetry && (
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

export function UsersNoMatches({ q, onClear }: { q: string; onClear: () => void }) {
  const t = useTranslations("users");
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-8 text-center">
      <p className="text-sm text-slate-700">{t("noMatches", { q })}</p>
      <Button variant="secondary" size="sm" className="mt-3" onClick={onClear}>
        {t("clearSearch")}
      </Button>
    </div>
  );
}
