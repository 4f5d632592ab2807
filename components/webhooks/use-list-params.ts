"use client";

import { createParser, parseAsString, useQueryStates, type HistoryOptions } from "nuqs";
import { useEffect, useRef, useState } from "react";
import { useDebouncedCallback } from "use-debounce";
import { useTimeZone } from "use-intl";
import { dayToUnix } from "./date-filter";

/** The console API's bounds for `limit`; anything else in the URL falls back to its default. */
const MAX_PAGE_SIZE = 100;
/** How long the search box waits for a pause in typing before it asks for that search. */
export const SEARCH_DEBOUNCE_MS = 300;
/** A search typed after a pause this long is a new history entry; quicker ones refine the last. */
export const SEARCH_SETTLED_MS = 1500;

/** `?limit=` from the URL, so a link (or a test) can ask for smaller pages. */
const parseAsPageSize = createParser({
  parse: (value) => {
    const size = Number(value);
    return Number.isInteger(size) && size >= 1 && size <= MAX_PAGE_SIZE ? size : null;
  },
  serialize: String,
});

/** A day as the date inputs give it (YYYY-MM-DD). */
const parseAsDay = createParser({
  parse: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null),
  serialize: (value: string) => value,
});

/** The list's one set of URL parsers. */
export const listParamsParsers = {
  q: parseAsString.withDefault(""),
  cursor: parseAsString,
  limit: parseAsPageSize,
  from: parseAsDay,
  to: parseAsDay,
};

export type ListChanges = Partial<Record<"q" | "cursor" | "from" | "to", string | undefined>>;

/**
 * The list's view lives in the URL (search, page, page size, created dates), so that a link opens
 * the same view for a colleague, and each change of page or filter is a history entry, so that Back
 * returns to the previous one. `navigate` changes some of it; any change but paging starts again at
 * the first page. The search box is debounced, and a burst of typing makes one entry, not one per
 * key.
 */
export function useListParams() {
  const timeZone = useTimeZone() ?? "UTC";
  const [params, setParams] = useQueryStates(listParamsParsers, {
    history: "push",
    scroll: false,
  });
  const { q, cursor, limit } = params;
  const dates = { from: params.from ?? undefined, to: params.to ?? undefined };

  // Whether the search box is mid-burst: its next search replaces the entry the burst pushed.
  const typing = useRef(false);
  const endBurst = useDebouncedCallback(() => (typing.current = false), SEARCH_SETTLED_MS);

  const navigate = (changes: ListChanges, history: HistoryOptions = "push") => {
    if (history === "push") typing.current = false;
    const next: Partial<Record<keyof ListChanges, string | null>> =
      "cursor" in changes ? {} : { cursor: null };
    for (const [key, value] of Object.entries(changes) as [keyof ListChanges, string?][]) {
      next[key] = value || null;
    }
    void setParams(next, { history });
  };

  const [searchText, setText] = useState(q);
  // The search the box last asked for: any other `q` came from outside (Back, a link, Clear).
  const asked = useRef(q);
  const search = useDebouncedCallback((value: string) => {
    const wanted = value.trim();
    asked.current = wanted;
    if (wanted === q) return;
    navigate({ q: wanted }, typing.current ? "replace" : "push");
    typing.current = true;
    endBurst();
  }, SEARCH_DEBOUNCE_MS);

  useEffect(() => {
    if (q === asked.current) return;
    // Back, Forward or a link: the box shows that search, and the next one typed is a new entry.
    asked.current = q;
    typing.current = false;
    search.cancel();
    setText(q);
  }, [q, search]);

  return {
    q,
    dates,
    /** The text in the search box, which runs ahead of `q` while the user types. */
    searchText,
    setSearchText: (value: string) => {
      setText(value);
      search(value);
    },
    clearSearch: () => {
      search.cancel();
      asked.current = "";
      setText("");
      navigate({ q: undefined });
    },
    /** What to ask the console API for; days are the user's, in their time zone. */
    query: {
      q: q || undefined,
      limit: limit ?? undefined,
      cursor: cursor ?? undefined,
      from: dayToUnix(dates.from, "start", timeZone),
      to: dayToUnix(dates.to, "end", timeZone),
    },
    navigate,
  };
}
