"use client";

import { useFormatter, useNow } from "use-intl";
import { exactMomentFormat } from "@/lib/i18n/date-formats";

/**
 * When a ping was sent, relative to now ("2 minutes ago"), kept current while the page stays
 * open; the exact time is in the title.
 */
export function PingTime({ at }: { at: string }) {
  const format = useFormatter();
  const now = useNow({ updateInterval: 15_000 });
  const date = new Date(at);
  // The server's clock may run a little ahead of the browser's: never say "in 2 seconds".
  const shown = date.getTime() > now.getTime() ? now : date;
  return (
    <time
      dateTime={at}
      title={format.dateTime(date, exactMomentFormat)}
      className="whitespace-nowrap"
    >
      {format.relativeTime(shown, now)}
    </time>
  );
}
