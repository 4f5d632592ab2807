"use client";

import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

export interface DateRange {
  from?: string;
  to?: string;
}

/** YYYY-MM-DD (the date inputs' value) to unix seconds: the start of the day, or its end. */
export function dayToUnix(day: string | undefined, end: "start" | "end"): number | undefined {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const ms = Date.parse(`${day}T${end === "start" ? "00:00:00" : "23:59:59"}Z`);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

/** Filter by creation date (Razorpay's `from`/`to`), kept in the URL like the search. */
export function DateFilter({
  value,
  onChange,
}: {
  value: DateRange;
  onChange: (range: DateRange) => void;
}) {
  const t = useTranslations("webhooks");
  return (
    <div className="flex flex-wrap items-end gap-3">
      <label className="space-y-1 text-sm">
        <span className="block text-slate-700">{t("createdFrom")}</span>
        <Input
          type="date"
          value={value.from ?? ""}
          max={value.to}
          onChange={(event) => onChange({ ...value, from: event.target.value || undefined })}
          className="w-44"
        />
      </label>
      <label className="space-y-1 text-sm">
        <span className="block text-slate-700">{t("createdTo")}</span>
        <Input
          type="date"
          value={value.to ?? ""}
          min={value.from}
          onChange={(event) => onChange({ ...value, to: event.target.value || undefined })}
          className="w-44"
        />
      </label>
      {(value.from || value.to) && (
        <Button variant="ghost" size="sm" onClick={() => onChange({})}>
          {t("clearDates")}
        </Button>
      )}
    </div>
  );
}
