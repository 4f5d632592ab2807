import { describe, expect, it } from "vitest";
import { MockAgent } from "undici";
import { routeProviderCalls } from "@/lib/providers/dispatcher";
import { AppError } from "@/lib/http/errors";
import { SANDBOX_RAZORPAY_ACCOUNTS } from "@/lib/sandbox/defaults";
import { RAZORPAY_SEED } from "@/lib/sandbox/razorpay/seed";
import { recordProviderCalls, SANDBOX_TEST_KEYS, useSandbox } from "@/lib/testing/sandbox";
import { createRazorpayAdapter } from "./adapter";

const AURORA = RAZORPAY_SEED.accounts.aurora;

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
