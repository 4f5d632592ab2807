// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import type { UrlUpdateEvent } from "nuqs/adapters/testing";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { makeWrapper } from "@/lib/testing/render";
import { SEARCH_DEBOUNCE_MS, SEARCH_SETTLED_MS, useListParams } from "./use-list-params";

function setUp(searchParams = "", timeZone = "UTC") {
  const updates: UrlUpdateEvent[] = [];
  const hook = renderHook(() => useListParams(), {
    wrapper: makeWrapper({ searchParams, timeZone, onUrlUpdate: (event) => updates.push(event) }),
  });
  /** Each URL change so far, as `push ?q=x` or `replace ?q=x`. */
  const history = () => updates.map((u) => `${u.options.history} ${u.queryString}`);
  return { ...hook, history };
}

/** Lets the adapter's update queue (and any debounce) run. */
const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("the list's URL state", () => {
  it("reads search, page, page size and dates from the URL", () => {
    const { result } = setUp("?q=orders&cursor=c2&limit=10&from=2026-05-01&to=2026-05-31");
    expect(result.current.q).toBe("orders");
    expect(result.current.searchText).toBe("orders");
    expect(result.current.dates).toEqual({ from: "2026-05-01", to: "2026-05-31" });
    expect(result.current.query).toMatchObject({ q: "orders", cursor: "c2", limit: 10 });
  });

  it("ignores a page size the API would refuse, and a date that is not a day", () => {
    const { result } = setUp("?limit=1000&from=yesterday");
    expect(result.current.query.limit).toBeUndefined();
    expect(result.current.query.from).toBeUndefined();
    expect(result.current.dates.from).toBeUndefined();
  });

  it("pushes a history entry for each page, so Back returns to the previous page", async () => {
    const { result, history } = setUp("?q=orders");
    act(() => result.current.navigate({ cursor: "c2" }));
    await advance(50);
    act(() => result.current.navigate({ cursor: "c3" }));
    await advance(50);
    expect(history()).toEqual(["push ?q=orders&cursor=c2", "push ?q=orders&cursor=c3"]);
  });

  it("pushes a filter change and starts again at the first page", async () => {
    const { result, history } = setUp("?cursor=c2");
    act(() => result.current.navigate({ from: "2026-05-01" }));
    await advance(50);
    expect(history()).toEqual(["push ?from=2026-05-01"]);
  });

  it("makes one history entry for a burst of typing, not one per key", async () => {
    const { result, history } = setUp();
    for (const text of ["o", "or", "ord", "orde", "order"]) {
      act(() => result.current.setSearchText(text));
      await advance(100);
    }
    await advance(SEARCH_DEBOUNCE_MS);
    expect(result.current.searchText).toBe("order");
    expect(history()).toEqual(["push ?q=order"]);

    // A pause long enough for the search to run, then more typing: it refines the same entry.
    act(() => result.current.setSearchText("orders"));
    await advance(SEARCH_DEBOUNCE_MS + 50);
    expect(history()).toEqual(["push ?q=order", "replace ?q=orders"]);

    // Once the search has settled, the next one is a new entry.
    await advance(SEARCH_SETTLED_MS);
    act(() => result.current.setSearchText("refunds"));
    await advance(SEARCH_DEBOUNCE_MS + 50);
    expect(history()).toEqual(["push ?q=order", "replace ?q=orders", "push ?q=refunds"]);
  });

  it("does not add an entry when the typed search is the one shown", async () => {
    const { result, history } = setUp("?q=orders");
    act(() => result.current.setSearchText("orders "));
    await advance(SEARCH_DEBOUNCE_MS + 50);
    expect(history()).toEqual([]);
  });

  it("clears the search at once, dropping a search still waiting to run", async () => {
    const { result, history } = setUp("?q=orders&cursor=c2");
    act(() => result.current.setSearchText("ordersX"));
    act(() => result.current.clearSearch());
    await advance(SEARCH_DEBOUNCE_MS + 50);
    expect(result.current.searchText).toBe("");
    expect(history()).toEqual(["push "]);
  });

  it("shows the URL's search in the box when it changes from outside the box (Back, a link)", async () => {
    const { result } = setUp("?q=orders");
    act(() => result.current.navigate({ q: "refunds" }));
    await advance(50);
    expect(result.current.q).toBe("refunds");
    expect(result.current.searchText).toBe("refunds");
  });

  it("asks for the user's own days, in their time zone", () => {
    const { result } = setUp("?from=2026-05-05&to=2026-05-05", "Asia/Kolkata");
    expect(result.current.query.from).toBe(Date.UTC(2026, 4, 4, 18, 30) / 1000);
    expect(result.current.query.to).toBe(Date.UTC(2026, 4, 5, 18, 29, 59) / 1000);
  });
});
