"use client";

import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { ApiError } from "@/lib/webhooks/api-client";

/** Skeleton rows while a table loads, announced by `label`. */
export function LoadingRows({ label, rows = 4 }: { label: string; rows?: number }) {
  return (
    <div
      role="status"
      aria-label={label}
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
    >
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-8 w-full" />
      ))}
    </div>
  );
}

/** A load that failed: what, why, the request id for support, and "Try again" when given. */
export function LoadError({
  title,
  error,
  requestIdLabel,
  onRetry,
  retrying,
}: {
  title: string;
  error: Error;
  requestIdLabel: (id: string) => string;
  onRetry?: () => void;
  retrying?: boolean;
}) {
  const t = useTranslations("common");
  return (
    <div role="alert" className="space-y-3 rounded-lg border border-red-200 bg-red-50 p-4 text-sm">
      <p className="font-medium text-red-900">{title}</p>
      <p className="text-red-800">{error.message}</p>
      {error instanceof ApiError && error.envelope.requestId !== "unknown" && (
        <p className="text-xs text-red-700">{requestIdLabel(error.envelope.requestId)}</p>
      )}
      {onRetry && (
        <Button
          variant="secondary"
          size="sm"
          onClick={onRetry}
          disabled={retrying}
          aria-busy={retrying}
        >
          {t("tryAgain")}
        </Button>
      )}
    </div>
  );
}
