"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { auditFilterKeys, type AuditFilterParams } from "@/lib/audit/filters";

/** Marks the first page in the trail (a cursor is never `~`). */
const FIRST_PAGE = "~";

/**
 * The audit page's view lives in the URL: the filters, the page's cursor, and the trail of cursors
 * that led to it (so that "Previous page" can go back, though the API pages only forwards). Every
 * change is a new history entry, so Back returns to the previous filters or page.
 */
export function useAuditParams() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();

  const filters: AuditFilterParams = {};
  for (const key of auditFilterKeys) {
    const value = searchParams.get(key);
    if (value) filters[key] = value;
  }
  const cursor = searchParams.get("cursor") ?? undefined;
  const trail = searchParams.get("trail")?.split(".").filter(Boolean) ?? [];

  const go = (next: URLSearchParams) =>
    router.push(next.size > 0 ? `${pathname}?${next.toString()}` : pathname, { scroll: false });

  /** Changes some filters; the list starts again at its first page. */
  const setFilters = (changes: AuditFilterParams) => {
    const next = new URLSearchParams(searchParams);
    next.delete("cursor");
    next.delete("trail");
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    go(next);
  };

  const toPage = (pageCursor: string | undefined, pageTrail: string[]) => {
    const next = new URLSearchParams(searchParams);
    if (pageCursor) next.set("cursor", pageCursor);
    else next.delete("cursor");
    if (pageTrail.length > 0) next.set("trail", pageTrail.join("."));
    else next.delete("trail");
    go(next);
  };

  return {
    filters,
    cursor,
    hasFilters: Object.keys(filters).length > 0,
    setFilters,
    clearFilters: () => go(new URLSearchParams()),
    hasPrevious: cursor !== undefined,
    nextPage: (nextCursor: string) => toPage(nextCursor, [...trail, cursor ?? FIRST_PAGE]),
    previousPage: () => {
      const back = trail.at(-1);
      toPage(back === FIRST_PAGE ? undefined : back, trail.slice(0, -1));
    },
  };
}
