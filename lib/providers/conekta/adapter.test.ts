import { beforeEach, describe, expect, it } from "vitest";
import { AppError, toErrorResponse } from "@/lib/http/errors";
import { encodeCursor } from "@/lib/providers/cursor";
import { CONEKTA_SEED } from "@/lib/sandbox/conekta/seed";
import { setConektaQuirks } from "@/lib/sandbox/conekta/test-harness";
import { CONEKTA_API_VERSIONS } from "@/lib/sandbox/conekta/versions";
import { answerProviderCalls } from "@/lib/testing/provider-calls";
import {
  failure,
  present,
  recordProviderCalls,
  SANDBOX_TEST_KEYS,
  useSandbox,
} from "@/lib/testing/sandbox";
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

describe.each(CONEKTA_API_VERSIONS)("Conekta adapter against the sandbox at API %s", (version) => {
  const sandbox = useSandbox();
  const adapter = ({ apiKey = SANDBOX_TEST_KEYS.conektaApiKey, timeoutMs = 2000 } = {}) =>
    createConektaAdapter({
      apiKey,
      apiBase: `${sandbox().url}/conekta`,
      apiVersion: version,
      timeoutMs,
      ping: { followMs: 3000, pollMs: 100 },
    });
  const holding = { account: "default", language: "en" } as const;

  /** The webhook as Conekta stores it, credentials and all, read without the adapter. */
  async function rawWebhook(id: string, child?: string) {
    const response = await fetch(`${sandbox().url}/conekta/webhooks/${id}`, {
      headers: {
        authorization: `Bearer ${SANDBOX_TEST_KEYS.conektaApiKey}`,
        accept: "application/vnd.conekta-v2.1.0+json",
        ...(child ? { "x-child-company-id": child } : {}),
      },
    });
    return {
      status: response.status,
      body: (await response.json()) as { url: string; subscribed_events: string[] },
    };
  }

  beforeEach(() => sandbox().reset());

  describe("paging", () => {
    it("pages the holding's 7 webhooks by 3 (3, 3, 1) and back to identical pages", async () => {
      const conekta = adapter();
      const list = (cursor?: string) => conekta.listWebhooks({ ...holding, limit: 3, cursor });

      const first = await list();
      const second = await list(present(first.page.next, "next cursor"));
      const third = await list(present(second.page.next, "next cursor"));
      expect([first.data.length, second.data.length, third.data.length]).toEqual([3, 3, 1]);
      expect(first.page).toMatchObject({ previous: null, hasMore: true });
      expect(second.page).toMatchObject({ hasMore: true });
      expect(second.page.previous).not.toBeNull();
      expect(third.page).toMatchObject({ next: null, hasMore: false });

      const ids = (page: typeof first) => page.data.map((w) => w.id);
      const all = [...ids(first), ...ids(second), ...ids(third)];
      expect(new Set(all).size).toBe(CONEKTA_SEED.parentWebhookCount);
      expect(all).toContain(CONEKTA_SEED.webhooks.parentOk);
      // Newest first: ids are ObjectId-like, so they sort by creation.
      expect(all).toEqual([...all].sort().reverse());

      const backToSecond = await list(present(third.page.previous, "previous cursor"));
      expect(ids(backToSecond)).toEqual(ids(second));
      expect(backToSecond.page.next).not.toBeNull();
      const backToFirst = await list(present(backToSecond.page.previous, "previous cursor"));
      expect(ids(backToFirst)).toEqual(ids(first));
      expect(backToFirst.page).toEqual({ next: first.page.next, previous: null, hasMore: true });
      expect(backToFirst.data.every((w) => w.account === "default")).toBe(true);
    });

    it("pages the 12 child companies by 10, with the holding first on the first page only", async () => {
      const conekta = adapter();
      const first = await conekta.listAccounts({ language: "en" });
      expect(first.data).toHaveLength(11);
      expect(first.data[0]).toEqual({
        id: "default",
        // The holding's own name, from GET /companies/current.
        name: CONEKTA_SEED.parentCompanyName,
        provider: "conekta",
        kind: "holding",
      });
      expect(first.page).toMatchObject({ previous: null, hasMore: true });

      const second = await conekta.listAccounts({
        language: "en",
        cursor: present(first.page.next, "next cursor"),
      });
      expect(second.data).toHaveLength(2);
      expect(second.data.map((a) => a.id)).not.toContain("default");
      expect(second.page).toMatchObject({ next: null, hasMore: false });

      const children = [...first.data.slice(1), ...second.data].map((a) => a.id);
      expect(new Set(children).size).toBe(CONEKTA_SEED.childCount);
      expect(children).toEqual(
        expect.arrayContaining([CONEKTA_SEED.fullChildId, CONEKTA_SEED.emptyChildId]),
      );

      const back = await conekta.listAccounts({
        language: "en",
        cursor: present(second.page.previous, "previous cursor"),
      });
      expect(back.data).toEqual(first.data);
      expect(back.page.previous).toBeNull();
    });

    it("refuses a tampered cursor with a 400 before calling Conekta", async () => {
      const error = await failure(
        adapter().listWebhooks({ ...holding, limit: 3, cursor: encodeCursor({ o: 3 }) }),
      );
      expect(error).toBeInstanceOf(AppError);
      expect(error.status).toBe(400);
    });
  });

  describe("looking up one account", () => {
    it("names the holding and a child company, as the account list does", async () => {
      const conekta = adapter();
      const [first, second] = (await conekta.listAccounts({ language: "en" })).data;
      expect(await conekta.getAccount(holding)).toEqual(first);
      expect(second?.id).not.toBe("default");
      expect(await conekta.getAccount({ account: present(second?.id), language: "en" })).toEqual(
        second,
      );
    });

    it("names the holding by its kind when Conekta cannot say its name, and asks again later", async () => {
      sandbox().faults.add({
        provider: "conekta",
        kind: "status",
        status: 500,
        path: "^/companies/current$",
        retryAfter: 1,
        times: 1,
      });
      const conekta = adapter();
      expect(await conekta.getAccount(holding)).toEqual({
        id: "default",
        name: "",
        provider: "conekta",
        kind: "holding",
      });
      // The failure is not kept: the next look-up has the name.
      expect((await conekta.getAccount(holding)).name).toBe(CONEKTA_SEED.parentCompanyName);
    });

    it("says not_found for an unknown company and for the holding's own id", async () => {
      const conekta = adapter();
      for (const account of ["ffffffffffffffffffffffff", CONEKTA_SEED.parentCompanyId, "acc_x"]) {
        const error = await failure(conekta.getAccount({ account, language: "en" }));
        expect(error.status, account).toBe(404);
        expect(error.message).toBe(`There is no Conekta company “${account}”.`);
      }
    });
  });

  describe("creating and editing", () => {
    it("creates with its events in the child company (2.1.0: a second call; 2.2.0: one)", async () => {
      const scope = { account: CONEKTA_SEED.emptyChildId, language: "en" } as const;
      const created = await adapter().createWebhook(scope, {
        url: "https://example.com/orders",
        events: ["order.paid", "charge.paid"],
      });
      expect(created).toMatchObject({
        account: scope.account,
        events: ["order.paid", "charge.paid"],
        // Only 2.2+ webhooks say whether they are active.
        active: version === "2.1.0" ? null : true,
      });
      const raw = await rawWebhook(created.id, scope.account);
      expect(raw.body.subscribed_events).toEqual(["order.paid", "charge.paid"]);
      // It landed on the child company, not on the holding.
      expect((await rawWebhook(created.id)).status).toBe(404);
    });

    it("gets, lists, edits and deletes a webhook of a child company", async () => {
      const conekta = adapter();
      const scope = { account: CONEKTA_SEED.otherChildId, language: "en" } as const;
      const id = CONEKTA_SEED.webhooks.otherChildOk;
      const listed = await conekta.listWebhooks({ ...scope, limit: 10 });
      expect(listed.data.map((w) => w.id)).toEqual([id]);
      expect(await conekta.getWebhook(scope, id)).toEqual(listed.data[0]);

      const edited = await conekta.updateWebhook(scope, id, {
        url: "https://example.com/edited",
        events: ["charge.paid"],
      });
      expect(edited).toMatchObject({ url: "https://example.com/edited", events: ["charge.paid"] });
      expect((await rawWebhook(id, scope.account)).body.url).toBe("https://example.com/edited");

      await conekta.deleteWebhook(scope, id);
      expect((await rawWebhook(id, scope.account)).status).toBe(404);
      expect((await conekta.listWebhooks({ ...scope, limit: 10 })).data).toEqual([]);
    });

    it("refuses a create that Conekta put in another company, naming the webhook", async () => {
      // The real API might ignore X-Child-Company-Id on create (the spec does not declare it there).
      await setConektaQuirks(sandbox().url, { ignoreChildCompanyHeaderOn: ["create"] });
      const account = CONEKTA_SEED.emptyChildId;
      const error = await failure(
        adapter().createWebhook(
          { account, language: "en" },
          { url: "https://example.com/stray", events: ["order.paid"] },
        ),
      );
      expect(error).toMatchObject({ code: "provider_error", status: 502 });
      expect(error.text?.key).toBe("conektaChildCompanyMismatch");
      const stray = present(/webhook ([0-9a-f]{24})/.exec(error.message)?.[1], "webhook id");
      expect(error.message).toBe(
        `Conekta created webhook ${stray}, but not in the company “${account}”: it ignored the ` +
          "child company and put the webhook elsewhere, most likely in the holding company. " +
          "Look for it there and delete it, then create it again.",
      );
      expect((await rawWebhook(stray)).status).toBe(200);
      expect((await rawWebhook(stray, account)).status).toBe(404);
      // At 2.1.0 no events were subscribed to a webhook in the wrong company.
      if (version === "2.1.0")
        expect((await rawWebhook(stray)).body.subscribed_events).not.toEqual(["order.paid"]);
    });

    it("does not read a holding's create back: the header is not sent there", async () => {
      await setConektaQuirks(sandbox().url, { ignoreChildCompanyHeaderOn: ["create"] });
      const created = await adapter().createWebhook(holding, {
        url: "https://example.com/holding",
        events: [],
      });
      expect((await rawWebhook(created.id)).status).toBe(200);
    });

    // Only 2.1.0 creates in two calls, so only there can a create half-succeed.
    if (version === "2.1.0") {
      it("reports a create whose events failed to save, naming the webhook that now exists", async () => {
        const account = CONEKTA_SEED.emptyChildId;
        sandbox().faults.add({
          provider: "conekta",
          method: "PUT",
          account,
          kind: "status",
          status: 500,
          retryAfter: 1,
          times: 1,
        });
        const error = await failure(
          adapter().createWebhook(
            { account, language: "en" },
            {
              url: "https://example.com/half",
              events: ["order.paid"],
            },
          ),
        );

        expect(error.status).toBe(502);
        expect(error.message).toMatch(/created, but its events could not be saved/);
        const webhook = present(error.createdWebhook?.id, "created webhook");
        expect(error.createdWebhook).toMatchObject({ account, url: "https://example.com/half" });
        expect(toErrorResponse(error, "req_1").body.error.webhook?.id).toBe(webhook);

        const raw = await rawWebhook(webhook, account);
        expect(raw.status).toBe(200);
        expect(raw.body.subscribed_events).not.toEqual(["order.paid"]);
      });
    }

    it("keeps the credentials when the masked URL comes back unchanged", async () => {
      const conekta = adapter();
      const id = CONEKTA_SEED.webhooks.parentWithCredentials;
      const stored = (await rawWebhook(id)).body.url;
      expect(stored).toContain("demo:s3cret@");

      const shown = await conekta.getWebhook(holding, id);
      expect(shown.url).toBe(stored.replace("demo:s3cret@", "****:****@"));
      const updated = await conekta.updateWebhook(holding, id, {
        url: shown.url,
        events: ["charge.paid"],
      });
      expect(updated.url).toBe(shown.url);
      expect(JSON.stringify(updated)).not.toContain("s3cret");

      const after = await rawWebhook(id);
      expect(after.body.url).toBe(stored);
      expect(after.body.subscribed_events).toEqual(["charge.paid"]);
    });

    it("sends a new URL with new credentials as typed", async () => {
      const id = CONEKTA_SEED.webhooks.parentWithCredentials;
      const updated = await adapter().updateWebhook(holding, id, {
        url: "https://ops:n3w@example.com/hook",
      });
      expect(updated.url).toBe("https://****:****@example.com/hook");
      expect((await rawWebhook(id)).body.url).toBe("https://ops:n3w@example.com/hook");
    });
  });

  describe("errors from the sandbox", () => {
    it("says conflict for an 11th webhook", async () => {
      const error = await failure(
        adapter().createWebhook(
          { account: CONEKTA_SEED.fullChildId, language: "en" },
          {
            url: "https://example.com/eleventh",
            events: [],
          },
        ),
      );
      expect(error).toMatchObject({ code: "conflict", status: 409 });
    });

    it("says not_found for an unknown webhook", async () => {
      const error = await failure(adapter().getWebhook(holding, "ffffffffffffffffffffffff"));
      expect(error).toMatchObject({ code: "not_found", status: 404 });
      expect(error.provider?.logId).toMatch(/^[0-9a-f]{24}$/);
    });

    it("says invalid_fields on events for an unknown event name", async () => {
      const error = await failure(
        adapter().updateWebhook(holding, CONEKTA_SEED.webhooks.parentOk, {
          events: ["webhook.ping"],
        }),
      );
      expect(error).toMatchObject({ code: "invalid_fields", status: 422 });
      expect(Object.keys(error.fields ?? {})).toEqual(["events"]);
    });

    it("blames the console's key for a 401", async () => {
      const error = await failure(
        adapter({ apiKey: "key_wrong" }).listWebhooks({ ...holding, limit: 3 }),
      );
      expect(error).toMatchObject({ code: "provider_error", status: 502 });
      expect(error.message).toContain("CONEKTA_API_KEY");
    });

    it("passes on a 429's Retry-After", async () => {
      sandbox().faults.add({ provider: "conekta", kind: "rate-limit", retryAfter: 9, times: 1 });
      const error = await failure(adapter().listWebhooks({ ...holding, limit: 3 }));
      expect(error).toMatchObject({ code: "rate_limited", retryAfterSeconds: 9 });
    });

    it.each(["malformed", "reset"] as const)(
      "says provider_error, not a crash, for a %s reply",
      async (kind) => {
        // No `times`: a read is asked again after a reset, so a one-off reset would be survived.
        sandbox().faults.add({ provider: "conekta", kind, retryAfter: 1 });
        const error = await failure(adapter().listWebhooks({ ...holding, limit: 3 }));
        expect(error).toBeInstanceOf(AppError);
        expect(error).toMatchObject({ code: "provider_error", status: 502 });
      },
    );

    it("says provider_timeout when Conekta is too slow", async () => {
      sandbox().faults.add({
        provider: "conekta",
        kind: "latency",
        latencyMs: 500,
        retryAfter: 1,
        times: 1,
      });
      const error = await failure(
        adapter({ timeoutMs: 150 }).listWebhooks({ ...holding, limit: 3 }),
      );
      expect(error).toMatchObject({ code: "provider_timeout", status: 504 });
    });
  });
});

describe("Conekta adapter without the sandbox", () => {
  const holding = { account: "default", language: "en" } as const;
  const configFor = (apiVersion: string) => ({
    apiKey: "key_test",
    apiBase: "https://api.conekta.example",
    apiVersion,
    timeoutMs: 2000,
  });

  it("opens the holding and 24-hex child company ids, and 404s anything else", async () => {
    const conekta = createConektaAdapter(configFor("2.1.0"));
    await expect(conekta.assertAccount(holding)).resolves.toBeUndefined();
    await expect(
      conekta.assertAccount({ account: CONEKTA_SEED.emptyChildId, language: "en" }),
    ).resolves.toBeUndefined();
    const error = await failure(conekta.assertAccount({ account: "acc_x", language: "en" }));
    expect(error.status).toBe(404);
  });

  it("writes the 2.2+ shape when configured for it: events in the create, subscribed_events", async () => {
    const webhook = {
      id: "6307a60c41de27127515a576",
      url: "https://example.com/hook",
      active: true,
      subscribed_events: ["order.paid"],
      object: "webhook",
    };
    const conektaCalls = answerProviderCalls("https://conekta.test", () => webhook);
    try {
      const conekta = createConektaAdapter({
        ...configFor("2.2.0"),
        apiBase: "https://conekta.test",
      });
      const created = await conekta.createWebhook(holding, {
        url: "https://example.com/hook",
        events: ["order.paid"],
      });
      expect(created.active).toBe(true);
      await conekta.updateWebhook(holding, created.id, { events: ["order.paid", "charge.paid"] });
    } finally {
      conektaCalls.restore();
    }
    const sent = conektaCalls.sent.map((r) => ({
      method: r.method,
      path: r.url.pathname,
      accept: r.headers.accept,
      body: r.body === undefined ? undefined : (JSON.parse(r.body) as unknown),
    }));
    const accept = "application/vnd.conekta-v2.2.0+json";
    const path = "/webhooks/6307a60c41de27127515a576";
    expect(sent).toEqual([
      {
        method: "POST",
        path: "/webhooks",
        accept,
        body: { url: "https://example.com/hook", subscribed_events: ["order.paid"] },
      },
      { method: "GET", path, accept, body: undefined },
      {
        method: "PUT",
        path,
        accept,
        body: { url: "https://example.com/hook", subscribed_events: ["order.paid", "charge.paid"] },
      },
    ]);
  });
});

// Issue 11: a count past Conekta's largest page (250) reads every page, by the `next` cursor.
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
