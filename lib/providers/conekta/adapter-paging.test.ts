import { describe, expect, it } from "vitest";
import { encodeCursor } from "@/lib/providers/cursor";
import { answerProviderCalls } from "@/lib/testing/provider-calls";
import { failure, recordProviderCalls, SANDBOX_TEST_KEYS, useSandbox } from "@/lib/testing/sandbox";
import { createConektaAdapter, toPageInfo } from "./adapter";

const items = (...ids: string[]) => ids.map((id) => ({ id }));
const next = (id: string) => encodeCursor({ next: id });
const previous = (id: string) => encodeCursor({ previous: id });

describe("toPageInfo", () => {
  it("on the first page: a next cursor on the last id when there is more, no previous", () => {
    expect(toPageInfo(items("c", "b", "a"), true, {})).toEqual({
      onFirstPage: true,
      page: { next: next("a"), previous: null, hasMore: true },
    });
    expect(toPageInfo(items("c"), false, {})).toEqual({
      onFirstPage: true,
      page: { next: null, previous: null, hasMore: false },
    });
  });

  it("going forward: previous on the first id, next only while there is more", () => {
    expect(toPageInfo(items("f", "e"), true, { next: "g" }).page).toEqual({
      next: next("e"),
      previous: previous("f"),
      hasMore: true,
    });
    expect(toPageInfo(items("b"), false, { next: "c" })).toEqual({
      onFirstPage: false,
      page: { next: null, previous: previous("b"), hasMore: false },
    });
  });

  it("going back: always a next page (we came from it), previous until the first page", () => {
    expect(toPageInfo(items("f", "e"), true, { previous: "d" })).toEqual({
      onFirstPage: false,
      page: { next: next("e"), previous: previous("f"), hasMore: true },
    });
    // `has_more` false while going back means nothing is before: this is the first page again.
    expect(toPageInfo(items("i", "h"), false, { previous: "g" })).toEqual({
      onFirstPage: true,
      page: { next: next("h"), previous: null, hasMore: true },
    });
  });

  it("gives no cursors for an empty page", () => {
    expect(toPageInfo([], false, { next: "a" }).page).toEqual({
      next: null,
      previous: null,
      hasMore: false,
    });
  });
});

describe("Conekta adapter counting past a page of 250", () => {
  // The holding's 7 demo webhooks and 253 more: two pages of 250.
  const sandbox = useSandbox({ extraWebhooks: { conekta: 253 } });
  const holding = { account: "default", language: "en" } as const;
  const adapter = () =>
    createConektaAdapter({
      apiKey: SANDBOX_TEST_KEYS.conektaApiKey,
      apiBase: `${sandbox().url}/conekta`,
      apiVersion: "2.1.0",
      timeoutMs: 5000,
    });

  /** The requests `run` sent to the sandbox's Conekta, as their query strings. */
  async function queriesDuring(run: () => Promise<unknown>) {
    const recorder = recordProviderCalls(`${sandbox().url}/conekta/`);
    try {
      await run();
    } finally {
      recorder.restore();
    }
    return recorder.sent.map((r) => Object.fromEntries(r.url.searchParams));
  }

  it("counts 260 webhooks in two pages of 250, the second after the first's last id", async () => {
    let count = 0;
    const queries = await queriesDuring(async () => {
      count = await adapter().countWebhooks(holding);
    });
    expect(count).toBe(260);
    const first = await adapter().listWebhooks({ ...holding, limit: 250 });
    expect(first.page.hasMore).toBe(true);
    expect(queries).toEqual([{ limit: "250" }, { limit: "250", next: first.data.at(-1)?.id }]);
  });

  it("gives the same total with a page when asked withTotal, and none when not", async () => {
    const page = await adapter().listWebhooks({ ...holding, limit: 5, withTotal: true });
    expect(page.data).toHaveLength(5);
    expect(page.total).toBe(260);
    expect((await adapter().listWebhooks({ ...holding, limit: 5 })).total).toBeUndefined();
  });
});

describe("Conekta adapter counting a list that does not end", () => {
  const holding = { account: "default", language: "en" } as const;
  const webhook = (id: string) => ({ id, url: "https://example.com/hook", object: "webhook" });
  const list = (ids: string[]) => ({
    object: "list",
    has_more: true,
    next_page_url: null,
    previous_page_url: null,
    data: ids.map(webhook),
  });

  async function countWith(reply: (n: number) => unknown) {
    let requests = 0;
    const conektaApi = answerProviderCalls("https://api.conekta.example", () => reply(requests++));
    try {
      const conekta = createConektaAdapter({
        apiKey: "key_test",
        apiBase: "https://api.conekta.example",
        apiVersion: "2.1.0",
        timeoutMs: 2000,
      });
      return { error: await failure(conekta.countWebhooks(holding)), requests };
    } finally {
      conektaApi.restore();
    }
  }

  it("fails, after two requests, when the next page is the same page again", async () => {
    const { error, requests } = await countWith(() => list(["6307a60c41de27127515a576"]));
    expect(error).toMatchObject({ code: "provider_error", status: 502 });
    expect(requests).toBe(2);
  });

  it("fails after 20 pages that always have more", async () => {
    const { error, requests } = await countWith((n) => list([n.toString(16).padStart(24, "0")]));
    expect(error).toMatchObject({ code: "provider_error", status: 502 });
    expect(requests).toBe(20);
  });
});
