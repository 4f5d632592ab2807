"use client";

import { X } from "lucide-react";
import { useState } from "react";
import { useTranslations } from "use-intl";

/** How many chips show before the rest fold into "+N more": about one line at 1280 px. */
const FOLDED = 8;

/** The chosen events as chips, each with its own remove button; past a line they fold away. */
export function SelectedEventChips({
  events,
  onRemove,
}: {
  events: string[];
  onRemove: (event: string) => void;
}) {
  const t = useTranslations("form");
  const [expanded, setExpanded] = useState(false);
  if (events.length === 0) return null;
  const shown = expanded ? events : events.slice(0, FOLDED);
  const hidden = events.length - shown.length;
  return (
    <div className="border-b border-slate-200 p-2">
      <ul aria-label={t("selectedEvents")} className="flex flex-wrap items-center gap-1.5">
        {shown.map((event) => (
          <li
            key={event}
            className="inline-flex items-center gap-1 rounded-full bg-indigo-50 py-0.5 pr-1 pl-2.5 font-mono text-xs text-indigo-900"
          >
            {event}
            <button
              type="button"
              aria-label={t("removeEvent", { event })}
              title={t("removeEvent", { event })}
              onClick={() => onRemove(event)}
              className="inline-flex size-6 items-center justify-center rounded-full hover:bg-indigo-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
            >
              <X aria-hidden className="size-3.5" />
            </button>
          </li>
        ))}
        {(hidden > 0 || expanded) && events.length > FOLDED && (
          <li>
            <button
              type="button"
              aria-expanded={expanded}
              onClick={() => setExpanded(!expanded)}
              className="rounded-full px-2 py-0.5 text-xs font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
            >
              {expanded ? t("fewerEvents") : t("moreEvents", { count: hidden })}
            </button>
          </li>
        )}
      </ul>
    </div>
  );
}
