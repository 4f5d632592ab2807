"use client";

import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { LoadError, LoadingRows } from "@/components/layout/load-states";

export function UsersLoading() {
  const t = useTranslations("users");
  return <LoadingRows label={t("loading")} />;
}

export function UsersError(props: { error: Error; onRetry?: () => void; retrying?: boolean }) {
  const t = useTranslations();
  return (
    <LoadError
      title={t("users.loadFailed")}
      requestIdLabel={(id) => t("webhooks.requestId", { id })}
      {...props}
    />
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
