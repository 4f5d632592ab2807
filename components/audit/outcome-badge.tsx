"use client";

import { useTranslations } from "use-intl";
import { cn } from "@/lib/utils/cn";

const KNOWN = {
  ok: { label: "outcomeOk", note: undefined, tone: "bg-emerald-50 text-emerald-800" },
  // Done, like ok; the badge says the console had to ask the provider to know it.
  reconciled: {
    label: "outcomeReconciled",
    note: "reconciledNote",
    tone: "bg-emerald-50 text-emerald-800",
  },
  pending: { label: "outcomePending", note: "pendingNote", tone: "bg-amber-50 text-amber-900" },
} as const;

/** ok, reconciled, pending (started, never finished), or the error code the change ended with. */
export function OutcomeBadge({ outcome }: { outcome: string }) {
  const t = useTranslations("audit");
  const known = outcome in KNOWN ? KNOWN[outcome as keyof typeof KNOWN] : null;
  return (
    <span
      title={known?.note ? t(known.note) : undefined}
      className={cn(
        "inline-block rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap",
        known?.tone ?? "bg-red-50 text-red-800",
      )}
    >
      {known ? t(known.label) : outcome}
    </span>
  );
}
