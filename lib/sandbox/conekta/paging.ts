import type { ConektaList } from "./resources";
import type { ListQuery } from "./schemas";

/**
 * One page of a list sorted newest first (descending id). `next` is the id of the last item of
 * the previous page and `previous` the id of the first item of the next page; both are compared
 * as positions, so a cursor whose item has since been deleted still works. `has_more` says
 * whether there is more in the direction of travel (Stripe's meaning, which Conekta follows);
 * the page URLs are `null` when there is nothing on that side.
 */
export function paginate<T extends { id: string }, W>(
  items: readonly T[],
  query: ListQuery,
  toWire: (item: T) => W,
  pageUrl: (cursor: { next: string } | { previous: string }) => string,
): ConektaList<W> {
  let data: T[];
  let hasMore: boolean;
  if (query.previous !== undefined) {
    const cursor = query.previous;
    const before = items.filter((item) => item.id > cursor);
    data = before.slice(Math.max(0, before.length - query.limit));
    hasMore = before.length > query.limit;
  } else {
    const cursor = query.next;
    const after = cursor === undefined ? [...items] : items.filter((item) => item.id < cursor);
    data = after.slice(0, query.limit);
    hasMore = after.length > query.limit;
  }
  // An empty page (e.g. past the end) anchors its links on the cursor it was asked with.
  const first = data[0]?.id ?? query.next ?? query.previous;
  const last = data.at(-1)?.id ?? query.previous ?? query.next;
  const hasBefore = first !== undefined && items.some((item) => item.id > first);
  const hasAfter = last !== undefined && items.some((item) => item.id < last);
  return {
    object: "list",
    has_more: hasMore,
    next_page_url: hasAfter && last !== undefined ? pageUrl({ next: last }) : null,
    previous_page_url: hasBefore && first !== undefined ? pageUrl({ previous: first }) : null,
    data: data.map(toWire),
  };
}

/**
 * A page URL: absolute, on the sandbox's own address and prefix (real Conekta answers with its own
 * host, which may differ from the one called), keeping the limit and the filters.
 */
export function pageUrlBuilder(base: string, query: ListQuery) {
  return (cursor: { next: string } | { previous: string }) => {
    const params = new URLSearchParams({ limit: String(query.limit) });
    if (query.search !== undefined) params.set("search", query.search);
    if (query.url !== undefined) params.set("url", query.url);
    if ("next" in cursor) params.set("next", cursor.next);
    else params.set("previous", cursor.previous);
    return `${base}?${params.toString()}`;
  };
}
