"use client";

import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { LoadError, LoadingRows } from "@/components/layout/load-states";

export function AuditLoading({ rows = 5 }: { rows?: number }) {
  const t = useTranslations("audit");
  return <LoadingRows label={t("loading")} rows={rows} />;
}

export function AuditError(props: { error: Error; onRetry: () => void; retrying: boolean }) {
  const t = useTranslations("audit");
  return (
    <LoadError title={t("loadFailed")} requestIdLabel={(id) => t("requestId", { id })} {...props} />
  );
}

/** Nothing recorded yet, or nothing that matches the filters (then a way out). */
export function AuditEmpty({ message, onClear }: { message: string; onClear?: () => void }) {
  const t = useTranslations("audit");
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
      <p className="text-sm text-slate-700">{message}</p>
      {onClear && (
        <Button variant="secondary" size="sm" className="mt-3" onClick={onClear}>
          {t("clearFilters")}
        </Button>
      )}
    </div>
  );
}
