"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { dayToUnix } from "./date-filter";

/** The console API's bounds for `limit`; anything else in the URL falls back to its default. */
const MAX_PAGE_SIZE = 100;

/** `?limit=` from the URL, so a link (or a test) can ask for smaller pages. */
function pageSizeOf(value: string | null): number | undefined {
  const size = Number(value);
  return Number.isInteger(size) && size >= 1 && size <= MAX_PAGE_SIZE ? size : undefined;
}

/**
 * The list's view lives in the URL (search, page, page size, created dates), so that a link opens
 * the same view for a colleague. `navigate` changes some of it; any change but paging starts again
 * at the first page.
 */
export function useListParams() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const q = searchParams.get("q") ?? "";
  const dates = {
    from: searchParams.get("from") ?? undefined,
    to: searchParams.get("to") ?? undefined,
  };

  const navigate = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(searchParams);
    if (!("cursor" in changes)) next.delete("cursor");
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    router.replace(next.size > 0 ? `${pathname}?${next.toString()}` : pathname, { scroll: false });
  };

  return {
    q,
    dates,
    /** What to ask the console API for. */
    query: {
      q: q || undefined,
      limit: pageSizeOf(searchParams.get("limit")),
      cursor: searchParams.get("cursor") ?? undefined,
      from: dayToUnix(dates.from, "start"),
      to: dayToUnix(dates.to, "end"),
    },
    navigate,
  };
}
