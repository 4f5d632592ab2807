"use client";

import { useTimeZone, useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

export interface DateRange {
  from?: string;
  to?: string;
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instant` (ms; negative west of Greenwich). */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
    part("second"),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * YYYY-MM-DD (the date inputs' value) to unix seconds: the start of that day in `timeZone`, or its
 * end. The user's days are their own: for a merchant in Asia/Kolkata, 5 May starts at 18:30 UTC
 * on 4 May.
 */
export function dayToUnix(
  day: string | undefined,
  end: "start" | "end",
  timeZone: string,
): number | undefined {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const wall = Date.parse(`${day}T${end === "start" ? "00:00:00" : "23:59:59"}Z`);
  if (Number.isNaN(wall)) return undefined;
  // The offset at the UTC guess, then again at the instant it gives, for a day a DST change moves.
  const guess = wall - zoneOffsetMs(wall, timeZone);
  return Math.floor((wall - zoneOffsetMs(guess, timeZone)) / 1000);
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
  const timeZone = useTimeZone() ?? "UTC";
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
      <p className="pb-2 text-xs text-slate-600">{t("timesIn", { zone: timeZone })}</p>
    </div>
  );
}
