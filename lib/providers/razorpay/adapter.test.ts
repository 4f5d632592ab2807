import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MockAgent } from "undici";
import { routeProviderCalls } from "@/lib/providers/dispatcher";
import { AppError } from "@/lib/http/errors";
import { SANDBOX_RAZORPAY_ACCOUNTS } from "@/lib/sandbox/defaults";
import { RAZORPAY_SEED } from "@/lib/sandbox/razorpay/seed";
import {
  failure,
  present,
  recordProviderCalls,
  SANDBOX_TEST_KEYS,
  useSandbox,
  type SentRequest,
} from "@/lib/testing/sandbox";
import { createRazorpayAdapter } from "./adapter";

const AURORA = RAZORPAY_SEED.accounts.aurora;
const EMPTY = RAZORPAY_SEED.accounts.empty;
const DAY = 86_400;

describe("Razorpay adapter against the sandbox", () => {
  const sandbox = useSandbox();
  let recorder: ReturnType<typeof recordProviderCalls>;

  beforeEach(() => {
    sandbox().reset();
    recorder = recordProviderCalls(`${sandbox().url}/razorpay/`);
  });
  afterEach(() => recorder.restore());

  const adapter = (keySecret = SANDBOX_TEST_KEYS.razorpayKeySecret) =>
    createRazorpayAdapter({
      keyId: SANDBOX_TEST_KEYS.razorpayKeyId,
      keySecret,
      apiBase: `${sandbox().url}/razorpay`,
      timeoutMs: 2000,
      accounts: SANDBOX_RAZORPAY_ACCOUNTS.map((a) => ({ ...a })),
      allowPrivatePingTargets: true,
    });
  const aurora = { account: AURORA, language: "en" } as const;
  const empty = { account: EMPTY, language: "en" } as const;

  const queryOf = (request: SentRequest | undefined) =>
    Object.fromEntries(request?.url.searchParams ?? []);
  const bodyOf = (request: SentRequest | undefined) =>
    JSON.parse(present(request?.body, "request body")) as Record<string, unknown>;
  const sentWith = (method: string) => recorder.sent.filter((r) => r.method === method);

  /** The account's webhooks as Razorpay stores them, read without the adapter. */
  async function rawWebhooks(account: string) {
    const auth = Buffer.from(
      `${SANDBOX_TEST_KEYS.razorpayKeyId}:${SANDBOX_TEST_KEYS.razorpayKeySecret}`,
    ).toString("base64");
    const response = await fetch(
      `${sandbox().url}/razorpay/v2/accounts/${account}/webhooks?count=100`,
      { headers: { authorization: `Basic ${auth}` } },
    );
    const body = (await response.json()) as {
      items: {
        id: string;
        url: string;
        events: string[];
        created_at: number;
        secret_exists: boolean;
      }[];
    };
    return body.items;
  }
  async function rawWebhook(account: string, id: string) {
    return (await rawWebhooks(account)).find((w) => w.id === id);
  }

  describe("listing", () => {
    it("pages Tienda Aurora's 14 webhooks by 10: 10 then 4, and back", async () => {
      const razorpay = adapter();
      const first = await razorpay.listWebhooks({ ...aurora, limit: 10 });
      expect(first.data).toHaveLength(10);
      expect(first.page).toMatchObject({ previous: null, hasMore: true });
      const second = await razorpay.listWebhooks({
        ...aurora,
        limit: 10,
        cursor: present(first.page.next, "next cursor"),
      });
      expect(second.data).toHaveLength(4);
      expect(second.page).toMatchObject({ next: null, hasMore: false });
      const back = await razorpay.listWebhooks({
        ...aurora,
        limit: 10,
        cursor: present(second.page.previous, "previous cursor"),
      });
      expect(back.data.map((w) => w.id)).toEqual(first.data.map((w) => w.id));
      expect(back.page).toEqual(first.page);

      const ids = [...first.data, ...second.data].map((w) => w.id);
      expect(new Set(ids).size).toBe(14);
      // Newest first: Aurora's newest seed leads, its oldest closes.
      expect(ids[0]).toBe(RAZORPAY_SEED.webhooks.auroraEverything);
      expect(ids.at(-1)).toBe(RAZORPAY_SEED.webhooks.auroraPayments);
      // One more than the page, to tell whether a next page exists; skip is the offset.
      expect(recorder.sent.map(queryOf)).toEqual([
        { count: "11", skip: "0" },
        { count: "11", skip: "10" },
        { count: "11", skip: "0" },
      ]);
    });

    it("never asks for more than 100, whatever the limit", async () => {
      const page = await adapter().listWebhooks({ ...aurora, limit: 500 });
      expect(page.data).toHaveLength(14);
      expect(page.page).toEqual({ next: null, previous: null, hasMore: false });
      await adapter().countWebhooks(aurora);
      await adapter().listWebhooks({ ...aurora, limit: 500, q: "aurora" });
      expect(recorder.sent).toHaveLength(3);
      for (const request of recorder.sent) {
        expect(Number(request.url.searchParams.get("count"))).toBeLessThanOrEqual(100);
      }
    });

    it("searches URLs across all the webhooks, case-insensitively, and pages the matches", async () => {
      const razorpay = adapter();
      const first = await razorpay.listWebhooks({ ...aurora, limit: 2, q: " AURORA-PAYMENT " });
      expect(first.data).toHaveLength(2);
      expect(first.page.hasMore).toBe(true);
      const second = await razorpay.listWebhooks({
        ...aurora,
        limit: 2,
        q: "aurora-payment",
        cursor: present(first.page.next, "next cursor"),
      });
      expect(second.data).toHaveLength(1);
      expect(second.page).toMatchObject({ next: null, hasMore: false });
      expect(new Set([...first.data, ...second.data].map((w) => w.id))).toEqual(
        new Set([
          RAZORPAY_SEED.webhooks.auroraPayments,
          RAZORPAY_SEED.webhooks.auroraPaymentLinks,
          RAZORPAY_SEED.webhooks.auroraSlowPayments,
        ]),
      );
      // Razorpay cannot search: every page of results reads the whole account from the start.
      expect(recorder.sent.map(queryOf)).toEqual([
        { count: "100", skip: "0" },
        { count: "100", skip: "0" },
      ]);
    });

    it("searches event names too", async () => {
      const page = await adapter().listWebhooks({ ...aurora, limit: 10, q: "refund.processed" });
      expect(page.data.map((w) => w.id).sort()).toEqual(
        [RAZORPAY_SEED.webhooks.auroraRefunds, RAZORPAY_SEED.webhooks.auroraEverything].sort(),
      );
    });

    it("passes from and to through, with and without a search", async () => {
      const all = await rawWebhooks(AURORA);
      const now = Math.floor(Date.now() / 1000);
      const from = now - 20 * DAY;
      const to = now - 2 * DAY;
      const inRange = all
        .filter((w) => w.created_at >= from && w.created_at <= to)
        .map((w) => w.id);
      expect(inRange.length).toBeGreaterThan(0);
      expect(inRange.length).toBeLessThan(14);

      const page = await adapter().listWebhooks({ ...aurora, limit: 10, from, to });
      expect(page.data.map((w) => w.id)).toEqual(inRange);
      const searched = await adapter().listWebhooks({
        ...aurora,
        limit: 10,
        from,
        to,
        q: "aurora",
      });
      expect(searched.data.map((w) => w.id)).toEqual(inRange);
      expect(recorder.sent).toHaveLength(2);
      for (const request of recorder.sent) {
        expect(queryOf(request)).toMatchObject({ from: String(from), to: String(to) });
      }
    });

    // Issue 11: the service asks `withTotal` when it has no count cached.
    it("takes the total from a search's own read: one count=100 call, not two", async () => {
      const page = await adapter().listWebhooks({
        ...aurora,
        limit: 2,
        q: "aurora-payment",
        withTotal: true,
      });
      expect(page.data).toHaveLength(2);
      expect(page.total).toBe(14);
      expect(recorder.sent.map(queryOf)).toEqual([{ count: "100", skip: "0" }]);
    });

    it("counts the whole account beside a dated search: its matches are not the total", async () => {
      const now = Math.floor(Date.now() / 1000);
      const from = now - 20 * DAY;
      const page = await adapter().listWebhooks({
        ...aurora,
        limit: 10,
        from,
        q: "aurora",
        withTotal: true,
      });
      expect(page.data.length).toBeLessThan(14);
      expect(page.total).toBe(14);
      expect(
        recorder.sent.map(queryOf).sort((a, b) => (a.from ? 1 : 0) - (b.from ? 1 : 0)),
      ).toEqual([
        { count: "100", skip: "0" },
        { count: "100", skip: "0", from: String(from) },
      ]);
    });

    it("counts alongside a plain page when asked withTotal, and only then", async () => {
      const page = await adapter().listWebhooks({ ...aurora, limit: 5, withTotal: true });
      expect(page.total).toBe(14);
      expect(recorder.sent.map(queryOf)).toContainEqual({ count: "100", skip: "0" });
      expect(recorder.sent).toHaveLength(2);
      expect((await adapter().listWebhooks({ ...aurora, limit: 5 })).total).toBeUndefined();
      expect(recorder.sent).toHaveLength(3);
    });
  });

  describe("the secret is write-only", () => {
    it("sends it on create and never returns it", async () => {
      const secret = "whsec_T0pS3cret_create";
      const razorpay = adapter();
      const created = await razorpay.createWebhook(empty, {
        url: "https://example.com/signed",
        events: ["payment.captured"],
        secret,
      });
      expect(bodyOf(sentWith("POST")[0])).toMatchObject({ secret });
      expect(created.hasSecret).toBe(true);
      expect(JSON.stringify(created)).not.toContain(secret);

      const read = await razorpay.getWebhook(empty, created.id);
      const listed = await razorpay.listWebhooks({ ...empty, limit: 10 });
      expect(read.hasSecret).toBe(true);
      expect(JSON.stringify([read, listed])).not.toContain(secret);
    });

    it("is sent on update only when a new one is typed", async () => {
      const razorpay = adapter();
      const created = await razorpay.createWebhook(empty, {
        url: "https://example.com/signed",
        events: ["payment.captured"],
        secret: "whsec_first",
      });

      const kept = await razorpay.updateWebhook(empty, created.id, { events: ["payment.failed"] });
      await razorpay.updateWebhook(empty, created.id, { secret: "" });
      const [withoutSecret, withEmptySecret] = sentWith("PATCH");
      expect(bodyOf(withoutSecret)).not.toHaveProperty("secret");
      expect(bodyOf(withEmptySecret)).not.toHaveProperty("secret");
      expect(kept.hasSecret).toBe(true);

      const replaced = await razorpay.updateWebhook(empty, created.id, { secret: "whsec_second" });
      expect(bodyOf(sentWith("PATCH")[2])).toMatchObject({ secret: "whsec_second" });
      expect(replaced.hasSecret).toBe(true);
      expect(JSON.stringify(replaced)).not.toContain("whsec_second");
    });
  });

  describe("updating", () => {
    const id = RAZORPAY_SEED.webhooks.auroraOrders;

    it("resends the current URL and full events when only the alert email changes", async () => {
      const before = await rawWebhook(AURORA, id);
      await adapter().updateWebhook(aurora, id, { alertEmail: "ops@example.com" });
      expect(bodyOf(sentWith("PATCH")[0])).toEqual({
        url: before?.url,
        events: ["order.paid"],
        alert_email: "ops@example.com",
      });
    });

    it("clears the alert email with an empty alert_email", async () => {
      const withEmail = RAZORPAY_SEED.webhooks.auroraPayments;
      expect((await adapter().getWebhook(aurora, withEmail)).alertEmail).not.toBeNull();
      const updated = await adapter().updateWebhook(aurora, withEmail, { alertEmail: null });
      expect(bodyOf(sentWith("PATCH")[0])).toMatchObject({ alert_email: "" });
      expect(updated.alertEmail).toBeNull();
    });

    it("keeps the URL when only the events change, and the events when only the URL does", async () => {
      const razorpay = adapter();
      const before = await rawWebhook(AURORA, id);
      await razorpay.updateWebhook(aurora, id, { events: ["order.paid", "payment.captured"] });
      const updated = await razorpay.updateWebhook(aurora, id, {
        url: "https://example.com/orders",
      });
      const [eventsOnly, urlOnly] = sentWith("PATCH");
      expect(bodyOf(eventsOnly)).toEqual({
        url: before?.url,
        events: ["order.paid", "payment.captured"],
      });
      expect(bodyOf(urlOnly)).toEqual({
        url: "https://example.com/orders",
        events: ["order.paid", "payment.captured"],
      });
      expect(updated).toMatchObject({
        url: "https://example.com/orders",
        events: ["order.paid", "payment.captured"],
      });
    });

    it("keeps the credentials when the masked URL comes back unchanged", async () => {
      const razorpay = adapter();
      const created = await razorpay.createWebhook(empty, {
        url: "https://ops:pa55@example.com/hook",
        events: ["payment.captured"],
      });
      expect(created.url).toBe("https://****:****@example.com/hook");
      await razorpay.updateWebhook(empty, created.id, {
        url: created.url,
        events: ["payment.failed"],
      });
      expect(bodyOf(sentWith("PATCH")[0])).toMatchObject({
        url: "https://ops:pa55@example.com/hook",
      });
      expect((await rawWebhook(EMPTY, created.id))?.url).toBe("https://ops:pa55@example.com/hook");
    });
  });

  describe("accounts", () => {
    it("refuses an account that is not configured with a 403, sending nothing", async () => {
      const error = await failure(
        adapter().assertAccount({ account: "acc_NotConfigured01", language: "en" }),
      );
      expect(error).toBeInstanceOf(AppError);
      expect(error.status).toBe(403);
      expect(recorder.sent).toEqual([]);
      await expect(adapter().assertAccount(aurora)).resolves.toBeUndefined();
    });

    it("looks up one configured account by id without calling Razorpay, and refuses others", async () => {
      expect(await adapter().getAccount(aurora)).toEqual({
        id: AURORA,
        name: "Tienda Aurora",
        provider: "razorpay",
      });
      const error = await failure(
        adapter().getAccount({ account: "acc_NotConfigured01", language: "en" }),
      );
      expect(error.status).toBe(403);
      expect(recorder.sent).toEqual([]);
    });

    it("pages and searches the configured accounts without calling Razorpay", async () => {
      const razorpay = adapter();
      expect((await razorpay.listAccounts({ language: "en" })).data.map((a) => a.id)).toEqual(
        SANDBOX_RAZORPAY_ACCOUNTS.map((a) => a.id),
      );
      expect((await razorpay.listAccounts({ language: "en", q: "spices" })).data).toEqual([
        { id: RAZORPAY_SEED.accounts.spices, name: "Mumbai Spices", provider: "razorpay" },
      ]);
      expect(recorder.sent).toEqual([]);
    });
  });

  describe("errors from the sandbox", () => {
    it("names each refused event under fields.events", async () => {
      const error = await failure(
        adapter().createWebhook(empty, {
          url: "https://example.com/hook",
          events: ["payment.captured", "payment.teleported", "subscription.charged"],
        }),
      );
      expect(error).toMatchObject({ code: "invalid_fields", status: 422 });
      // Empty Books lacks the subscriptions feature, so subscription.* is refused there.
      expect(error.fields?.events).toEqual([
        expect.stringContaining('"payment.teleported"'),
        expect.stringContaining('"subscription.charged"'),
      ]);
    });

    it("puts an alert_email error under the console's alertEmail", async () => {
      const error = await failure(
        adapter().createWebhook(empty, {
          url: "https://example.com/hook",
          events: ["payment.captured"],
          alertEmail: "not-an-email",
        }),
      );
      expect(error).toMatchObject({ code: "invalid_fields" });
      expect(Object.keys(error.fields ?? {})).toEqual(["alertEmail"]);
    });

    it("puts a private host under fields.url", async () => {
      const error = await failure(
        adapter().createWebhook(empty, {
          url: "http://10.0.0.1/hook",
          events: ["payment.captured"],
        }),
      );
      expect(error.fields).toEqual({ url: ["private ip found for host"] });
    });

    it("says not_found for a webhook id that does not exist", async () => {
      const error = await failure(adapter().getWebhook(aurora, "NoSuchHook0001"));
      expect(error).toMatchObject({ code: "not_found", status: 404 });
    });

    it("says conflict for the 31st webhook", async () => {
      const razorpay = adapter();
      for (let i = 0; i < 30; i += 1) {
        await razorpay.createWebhook(empty, {
          url: `https://example.com/hook-${i}`,
          events: ["payment.captured"],
        });
      }
      const error = await failure(
        razorpay.createWebhook(empty, { url: "https://example.com/31", events: ["order.paid"] }),
      );
      expect(error).toMatchObject({ code: "conflict", status: 409 });
      expect(await razorpay.countWebhooks(empty)).toBe(30);
    });

    it("blames the console's keys for a 401", async () => {
      const error = await failure(adapter("wrong").listWebhooks({ ...aurora, limit: 10 }));
      expect(error).toMatchObject({ code: "provider_error", status: 502 });
      expect(error.message).toContain("RAZORPAY_KEY_SECRET");
    });

    it("passes on a 429's Retry-After", async () => {
      sandbox().faults.add({ provider: "razorpay", kind: "rate-limit", retryAfter: 8, times: 1 });
      const error = await failure(adapter().listWebhooks({ ...aurora, limit: 10 }));
      expect(error).toMatchObject({ code: "rate_limited", status: 429, retryAfterSeconds: 8 });
    });

    it("says provider_error for a 500 SERVER_ERROR", async () => {
      sandbox().faults.add({
        provider: "razorpay",
        kind: "status",
        status: 500,
        retryAfter: 1,
        times: 1,
      });
      const error = await failure(
        adapter().getWebhook(aurora, RAZORPAY_SEED.webhooks.auroraOrders),
      );
      expect(error).toMatchObject({ code: "provider_error", status: 502 });
      expect(error.provider?.code).toBe("SERVER_ERROR");
    });

    it("says provider_error, not a crash, for a malformed reply", async () => {
      sandbox().faults.add({ provider: "razorpay", kind: "malformed", retryAfter: 1, times: 1 });
      const error = await failure(adapter().listWebhooks({ ...aurora, limit: 10 }));
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "provider_error", status: 502 });
    });

    it("still says rate_limited when a throttle's reply is not JSON", async () => {
      const throttle = new MockAgent();
      throttle.disableNetConnect();
      throttle
        .get(new URL(sandbox().url).origin)
        .intercept({ path: () => true, method: "GET" })
        .reply(429, "<html>Too Many Requests</html>", {
          headers: { "content-type": "text/html", "retry-after": "6" },
        });
      const stop = routeProviderCalls(throttle);
      const error = await failure(adapter().listWebhooks({ ...aurora, limit: 10 })).finally(stop);
      await throttle.close();
      expect(error).toMatchObject({ code: "rate_limited", retryAfterSeconds: 6 });
    });
  });
});

// Issue 11: a count past Razorpay's largest page (100). The sandbox enforces Razorpay's 30 webhooks
// per account on create, as Razorpay does, so the account is filled past it directly in the store.
describe("Razorpay adapter counting past a page of 100", () => {
  // Tienda Aurora's 14 demo webhooks and 216 more: pages of 100, 100 and 30.
  const sandbox = useSandbox({ extraWebhooks: { razorpay: 216 } });
  const aurora = { account: AURORA, language: "en" } as const;
  const adapter = () =>
    createRazorpayAdapter({
      keyId: SANDBOX_TEST_KEYS.razorpayKeyId,
      keySecret: SANDBOX_TEST_KEYS.razorpayKeySecret,
      apiBase: `${sandbox().url}/razorpay`,
      timeoutMs: 5000,
      accounts: SANDBOX_RAZORPAY_ACCOUNTS.map((a) => ({ ...a })),
      allowPrivatePingTargets: true,
    });

  async function queriesDuring(run: () => Promise<unknown>) {
    const recorder = recordProviderCalls(`${sandbox().url}/razorpay/`);
    try {
      await run();
    } finally {
      recorder.restore();
    }
    return recorder.sent.map((r) => Object.fromEntries(r.url.searchParams));
  }

  it("counts 230 webhooks in pages of 100 by skip: 100, 100, 30", async () => {
    let count = 0;
    const queries = await queriesDuring(async () => {
      count = await adapter().countWebhooks(aurora);
    });
    expect(count).toBe(230);
    expect(queries).toEqual([
      { count: "100", skip: "0" },
      { count: "100", skip: "100" },
      { count: "100", skip: "200" },
    ]);
  });

  it("searches all 230 and takes its total from that read, each page asked once", async () => {
    let page: Awaited<ReturnType<ReturnType<typeof adapter>["listWebhooks"]>> | undefined;
    const queries = await queriesDuring(async () => {
      page = await adapter().listWebhooks({
        ...aurora,
        limit: 100,
        q: "aurora-extra",
        withTotal: true,
      });
    });
    expect(page?.total).toBe(230);
    expect(page?.data).toHaveLength(100);
    expect(page?.page.hasMore).toBe(true);
    expect(queries.map((q) => q.skip)).toEqual(["0", "100", "200"]);
  });
});

describe("Razorpay adapter counting without the sandbox", () => {
  const scope = { account: AURORA, language: "en" } as const;
  const webhook = (id: string) => ({
    id,
    url: "https://example.com/hook",
    events: ["payment.captured"],
    active: true,
    entity: "webhook",
  });
  const ids = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => `Hook${String(from + i).padStart(10, "0")}`);

  /** Counts against a Razorpay that answers the n-th request (from 0) with `items(n)`. */
  async function countWith(items: (n: number, skip: number) => string[]) {
    let requests = 0;
    const razorpayApi = new MockAgent();
    razorpayApi.disableNetConnect();
    razorpayApi
      .get("https://api.razorpay.example")
      .intercept({ path: () => true, method: "GET" })
      .reply(({ path }) => {
        const skip = Number(new URL(path, "https://api.razorpay.example").searchParams.get("skip"));
        const page = items(requests++, skip).map(webhook);
        return {
          statusCode: 200,
          data: JSON.stringify({ entity: "collection", count: page.length, items: page }),
          responseOptions: { headers: { "content-type": "application/json" } },
        };
      })
      .persist();
    const stop = routeProviderCalls(razorpayApi);
    try {
      const razorpay = createRazorpayAdapter({
        keyId: "rzp_test_x",
        keySecret: "s",
        apiBase: "https://api.razorpay.example",
        timeoutMs: 2000,
        accounts: [{ id: AURORA, name: "Tienda Aurora" }],
        allowPrivatePingTargets: false,
      });
      const count = await razorpay.countWebhooks(scope).catch((e: unknown) => e);
      return { count, requests };
    } finally {
      stop();
      await razorpayApi.close();
    }
  }

  it("reads one empty page after exactly 200: 200", async () => {
    const { count, requests } = await countWith((_, skip) => (skip < 200 ? ids(skip, 100) : []));
    expect(count).toBe(200);
    expect(requests).toBe(3);
  });

  it("counts a webhook that a create meanwhile pushed onto the next page once", async () => {
    // 150 webhooks, and one created after the first page: the second starts with the first's last.
    const { count } = await countWith((n) => (n === 0 ? ids(1, 100) : ids(100, 51)));
    expect(count).toBe(150);
  });

  it("fails when Razorpay ignores skip, instead of counting the first page forever", async () => {
    const { count, requests } = await countWith(() => ids(0, 100));
    expect(count).toBeInstanceOf(AppError);
    expect(count).toMatchObject({ code: "provider_error", status: 502 });
    expect(requests).toBe(2);
  });

  it("fails after 20 full pages", async () => {
    const { count, requests } = await countWith((_, skip) => ids(skip, 100));
    expect(count).toMatchObject({ code: "provider_error", status: 502 });
    expect(requests).toBe(20);
  });
});
