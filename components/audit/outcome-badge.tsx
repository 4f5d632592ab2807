"use client";

import { useTranslations } from "use-intl";
import { cn } from "@/lib/utils/cn";

/** ok, pending (started, never finished), or the error code the change ended with. */
export function OutcomeBadge({ outcome }: { outcome: string }) {
  const t = useTranslations("audit");
  const label =
    outcome === "ok" ? t("outcomeOk") : outcome === "pending" ? t("outcomePending") : outcome;
  return (
    <span
      title={outcome === "pending" ? t("pendingNote") : undefined}
      className={cn(
        "inline-block rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap",
        outcome === "ok" && "bg-emerald-50 text-emerald-800",
        outcome === "pending" && "bg-amber-50 text-amber-900",
        outcome !== "ok" && outcome !== "pending" && "bg-red-50 text-red-800",
      )}
    >
      {label}
    </span>
  );
}
