"use client";

import { useId, useState } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { SelectedEventChips } from "./selected-event-chips";
import type { EventGroup } from "@/lib/webhooks/schemas";

/**
 * The events picker: events grouped (by prefix for Conekta, by product for Razorpay), a group
 * checkbox that shows all / some / none, a search box, select all / none, a "Selected only" filter
 * and a count, and the chosen events as removable chips above the list, so that the current
 * selection shows without scrolling. The value is the list of chosen names, in the catalogue's order.
 */
export function EventPicker({
  groups,
  value,
  onChange,
  invalid,
  describedBy,
}: {
  groups: EventGroup[];
  value: string[];
  onChange: (events: string[]) => void;
  invalid?: boolean;
  describedBy?: string;
}) {
  const t = useTranslations("form");
  const [query, setQuery] = useState("");
  const [selectedOnly, setSelectedOnly] = useState(false);
  const searchId = useId();
  const chosen = new Set(value);
  const all = groups.flatMap((g) => g.events);
  // Names the provider reports that the catalogue does not know stay chosen (and visible).
  const unknown = value.filter((name) => !all.includes(name));
  const shownGroups = [
    ...groups,
    ...(unknown.length > 0 ? [{ id: "other", events: unknown }] : []),
  ];
  const needle = query.trim().toLowerCase();
  const visible = shownGroups
    .map((g) => ({
      ...g,
      events: g.events.filter(
        (e) => e.toLowerCase().includes(needle) && (!selectedOnly || chosen.has(e)),
      ),
    }))
    .filter((g) => g.events.length > 0);
  const ordered = (names: Set<string>) => [...all, ...unknown].filter((name) => names.has(name));

  const set = (names: string[], on: boolean) => {
    const next = new Set(chosen);
    for (const name of names) {
      if (on) next.add(name);
      else next.delete(name);
    }
    onChange(ordered(next));
  };
  const visibleNames = visible.flatMap((g) => g.events);

  return (
    <div
      className={`rounded-md border bg-white ${invalid ? "border-red-600" : "border-slate-300"}`}
      aria-describedby={describedBy}
    >
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 p-2">
        <label htmlFor={searchId} className="sr-only">
          {t("searchEvents")}
        </label>
        <Input
          id={searchId}
          type="search"
          placeholder={t("searchEvents")}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          className="max-w-xs"
        />
        <Button variant="ghost" size="sm" onClick={() => set(visibleNames, true)}>
          {t("selectAll")}
        </Button>
        <Button variant="ghost" size="sm" onClick={() => set(visibleNames, false)}>
          {t("selectNone")}
        </Button>
        <label className="flex items-center gap-2 text-sm">
          <Checkbox checked={selectedOnly} onCheckedChange={(on) => setSelectedOnly(on === true)} />
          {t("selectedOnly")}
        </label>
        <span role="status" className="ml-auto text-sm text-slate-600 tabular-nums">
          {t("selectedCount", { count: value.length, total: all.length })}
        </span>
      </div>
      <SelectedEventChips events={value} onRemove={(event) => set([event], false)} />
      <div className="relative max-h-96 space-y-3 overflow-y-auto p-3">
        {visible.length === 0 && (
          <p className="text-sm text-slate-600">{t("noEventsMatch", { q: query })}</p>
        )}
        {visible.map((group) => {
          const count = group.events.filter((e) => chosen.has(e)).length;
          const state =
            count === 0 ? false : count === group.events.length ? true : "indeterminate";
          const groupId = `${searchId}-${group.id}`;
          const groupName = t.has(`eventGroups.${group.id}`)
            ? t(`eventGroups.${group.id}`)
            : group.id;
          return (
            <fieldset key={group.id} className="space-y-1">
              <legend className="sr-only">{groupName}</legend>
              <div className="flex items-center gap-2">
                <Checkbox
                  id={groupId}
                  checked={state}
                  aria-label={t("groupLabel", { group: groupName })}
                  onCheckedChange={() => set(group.events, state !== true)}
                />
                <label htmlFor={groupId} className="text-sm font-semibold" aria-hidden>
                  {groupName}
                </label>
                <span className="text-xs text-slate-500 tabular-nums">
                  {count}/{group.events.length}
                </span>
              </div>
              <ul className="grid gap-1 pl-6 sm:grid-cols-2">
                {group.events.map((event) => {
                  const id = `${groupId}-${event}`;
                  return (
                    <li key={event} className="flex items-center gap-2">
                      <Checkbox
                        id={id}
                        checked={chosen.has(event)}
                        onCheckedChange={(on) => set([event], on === true)}
                      />
                      <label htmlFor={id} className="font-mono text-xs">
                        {event}
                      </label>
                    </li>
                  );
                })}
              </ul>
            </fieldset>
          );
        })}
      </div>
    </div>
  );
}
