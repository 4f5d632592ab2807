// One provider call per list view (issue 11, item 1): the count ("7 of 10") comes from a cache in
// the console's database, written by whole first pages and by counts, cleared by the console's own
// creates and deletes. The route handlers are called as Next calls them, against the bundled
// sandbox, whose recorder says how many provider requests each view made.
import { sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { withTestDatabase } from "@/lib/db/testing";
import { CONEKTA_SEED } from "@/lib/sandbox/conekta/seed";
import { RAZORPAY_SEED } from "@/lib/sandbox/razorpay/seed";
import type { ProviderCall } from "@/lib/sandbox/server";
import { setTestEnv } from "@/lib/testing/env-mock";
import { consoleOnSandbox, send, sessionCookie, type Call } from "@/lib/testing/routes";
import { SANDBOX_TEST_KEYS } from "@/lib/testing/sandbox";
import type { Webhook } from "@/lib/webhooks/model";
import type { WebhookListReply } from "@/lib/webhooks/service";
import * as webhooksRoute from "./[provider]/[account]/webhooks/route";
import * as webhookRoute from "./[provider]/[account]/webhooks/[id]/route";

vi.mock("@/lib/env", async (importOriginal) =>
  (await import("@/lib/testing/env-mock")).withTestEnv(importOriginal),
);

// The route suite runs on PGlite, as the other route suites do (the provider registry keeps one
// sandbox's adapters per process); the cache's SQL runs on both engines in count-cache.test.ts.
const db = withTestDatabase("pglite");
const sandbox = consoleOnSandbox(setTestEnv, { keys: SANDBOX_TEST_KEYS });

const providers = ["conekta", "razorpay"] as const;
type P = (typeof providers)[number];
/** Accounts with more webhooks than a page of 2, and a search that finds some of them. */
const SETUP = {
  conekta: { account: "default", total: CONEKTA_SEED.parentWebhookCount, q: "grupo" },
  razorpay: { account: RAZORPAY_SEED.accounts.aurora, total: 14, q: "aurora" },
} as const;
const EVENT: Record<P, string> = { conekta: "order.paid", razorpay: "payment.captured" };

let admin = "";
let serial = 0;
beforeAll(async () => {
  admin = await sessionCookie("admin@sandbox.test");
});
// Each test starts from an empty cache.
beforeEach(async () => {
  await db().execute(sql`delete from webhook_count`);
});

const base = (p: P) => `/api/${p}/${SETUP[p].account}/webhooks`;
const listCall = (p: P, query: string): Call => ({
  handler: webhooksRoute.GET,
  method: "GET",
  path: `${base(p)}${query}`,
  params: { provider: p, account: SETUP[p].account },
  cookie: admin,
});

/** A list view, and the provider requests it made. */
async function view(p: P, query: string) {
  const before = sandbox().calls.at(-1)?.seq ?? 0;
  const response = await send(listCall(p, query));
  const calls: ProviderCall[] = sandbox().calls.filter((c) => c.seq > before);
  expect(response.status, await response.clone().text()).toBe(200);
  return { body: (await response.json()) as WebhookListReply, calls };
}

const nextOf = (body: WebhookListReply) =>
  `&cursor=${encodeURIComponent(body.page.next ?? "no next page")}`;

async function create(p: P): Promise<Response> {
  return send({
    handler: webhooksRoute.POST,
    method: "POST",
    path: base(p),
    params: { provider: p, account: SETUP[p].account },
    cookie: admin,
    body: JSON.stringify({
      url: `${sandbox().url}/receivers/ok/count-cache-${++serial}`,
      events: [EVENT[p]],
    }),
  });
}

async function remove(p: P, id: string) {
  const response = await send({
    handler: webhookRoute.DELETE,
    method: "DELETE",
    path: `${base(p)}/${id}`,
    params: { provider: p, account: SETUP[p].account, id },
    cookie: admin,
  });
  expect(response.status).toBe(204);
}

/** Puts a count in the cache as another instance would have, fresh or already expired. */
async function cacheCount(p: P, count: number, expiresIn: "1 minute" | "-1 second") {
  await db().execute(
    sql`insert into webhook_count (provider, account, count, generation, counted_at, expires_at)
        values (${p}, ${SETUP[p].account}, ${count}, 0, now(), now() + ${expiresIn}::interval)`,
  );
}

describe.each(providers)("%s: a list view's provider calls", (p) => {
  const { total, q } = SETUP[p];

  beforeAll(async () => {
    // The account's own lookup (Conekta's holding name) is kept by the instance: not a list call.
    await view(p, "?limit=100");
  });

  it("counts a fresh account once, then not again on the next views within the TTL", async () => {
    const first = await view(p, "?limit=2");
    expect(first.body.data).toHaveLength(2);
    expect(first.body.quota.used).toBe(total);
    expect(first.calls, "page and count").toHaveLength(2);

    const second = await view(p, `?limit=2${nextOf(first.body)}`);
    expect(second.body.quota.used).toBe(total);
    expect(second.calls, "a second page").toHaveLength(1);

    const searched = await view(p, `?limit=2&q=${q}`);
    expect(searched.body.quota.used).toBe(total);
    expect(searched.calls, "a search").toHaveLength(1);

    const again = await view(p, "?limit=2");
    expect(again.calls, "the first page again").toHaveLength(1);
  });

  it("takes the count a whole first page left: the next page and a search are one call", async () => {
    const whole = await view(p, "?limit=100");
    expect(whole.body.page.hasMore).toBe(false);
    expect(whole.body.quota.used).toBe(total);
    expect(whole.calls).toHaveLength(1);

    const first = await view(p, "?limit=2");
    expect(first.calls).toHaveLength(1);
    expect((await view(p, `?limit=2${nextOf(first.body)}`)).calls).toHaveLength(1);
    const searched = await view(p, `?limit=2&q=${q}`);
    expect(searched.calls).toHaveLength(1);
    expect(searched.body.quota.used).toBe(total);
  });

  it("uses a fresh count another instance stored, and not an expired one", async () => {
    await cacheCount(p, 5, "1 minute");
    const fresh = await view(p, "?limit=2");
    expect(fresh.body.quota.used).toBe(5);
    expect(fresh.calls).toHaveLength(1);

    await db().execute(sql`delete from webhook_count`);
    await cacheCount(p, 5, "-1 second");
    const expired = await view(p, "?limit=2");
    expect(expired.body.quota.used).toBe(total);
    expect(expired.calls).toHaveLength(2);
    // The new count replaced the expired one.
    expect((await view(p, "?limit=2")).calls).toHaveLength(1);
  });

  it("counts again after a create and after a delete through the console", async () => {
    await view(p, "?limit=2");
    const created = await create(p);
    expect(created.status, await created.clone().text()).toBe(201);
    const { id } = (await created.json()) as Webhook;
    let removed = false;
    try {
      const afterCreate = await view(p, "?limit=2");
      expect(afterCreate.body.quota.used).toBe(total + 1);
      expect(afterCreate.calls, "page and count").toHaveLength(2);
      expect((await view(p, `?limit=2&q=${q}`)).body.quota.used).toBe(total + 1);

      await remove(p, id);
      removed = true;
      const afterDelete = await view(p, `?limit=2&q=${q}`);
      expect(afterDelete.body.quota.used).toBe(total);
      // Razorpay's search reads the whole account, and counts from that read.
      expect(afterDelete.calls).toHaveLength(p === "razorpay" ? 1 : 2);
      expect((await view(p, "?limit=2")).calls).toHaveLength(1);
    } finally {
      if (!removed) await remove(p, id);
    }
  });
});

describe("a write that failed half-way", () => {
  it("conekta: a webhook created without its events still counts at once", async () => {
    const p = "conekta";
    await view(p, "?limit=2");
    // 2.1.0 creates in two calls: the POST stores the webhook, the PUT of its events fails.
    const fault = sandbox().faults.add({
      provider: "conekta",
      method: "PUT",
      path: "^/webhooks/",
      kind: "status",
      status: 500,
      retryAfter: 1,
      times: 1,
    });
    const created = await create(p);
    sandbox().faults.remove(fault.id);
    expect(created.status).toBe(502);
    const stored = (await created.json()) as { error: { webhook?: Webhook } };
    const id = stored.error.webhook?.id;
    expect(id).toBeDefined();

    try {
      expect((await view(p, "?limit=2")).body.quota.used).toBe(SETUP.conekta.total + 1);
    } finally {
      await remove(p, id ?? "");
    }
    expect((await view(p, "?limit=2")).body.quota.used).toBe(SETUP.conekta.total);
  });

  it.each(providers)("%s: a create the provider refused counts again too", async (p) => {
    await view(p, "?limit=2");
    const fault = sandbox().faults.add({
      provider: p,
      method: "POST",
      path: "/webhooks$",
      kind: "status",
      status: 500,
      retryAfter: 1,
      times: 1,
    });
    const refused = await create(p);
    sandbox().faults.remove(fault.id);
    expect(refused.status).toBe(502);
    const after = await view(p, "?limit=2");
    expect(after.body.quota.used).toBe(SETUP[p].total);
    expect(after.calls).toHaveLength(2);
  });
});

describe("razorpay: a search reads the account once", () => {
  const p = "razorpay";
  const listCalls = (calls: ProviderCall[]) =>
    calls.filter((c) => c.method === "GET" && c.path.endsWith("/webhooks"));

  it("counts from the search's own read on a cold cache: no second count=100 call", async () => {
    const searched = await view(p, "?limit=2&q=aurora-payment");
    expect(searched.body.data).toHaveLength(2);
    expect(searched.body.quota.used).toBe(SETUP.razorpay.total);
    expect(listCalls(searched.calls)).toHaveLength(1);
    expect(searched.calls).toHaveLength(1);
    // …and that count is kept for the next view.
    expect((await view(p, "?limit=2")).calls).toHaveLength(1);
  });

  it("counts the whole account beside a dated search, and keeps that", async () => {
    const from = Math.floor(Date.now() / 1000) - 20 * 86_400;
    const dated = await view(p, `?limit=2&q=aurora&from=${from}`);
    expect(dated.body.quota.used).toBe(SETUP.razorpay.total);
    expect(dated.calls).toHaveLength(2);
    expect((await view(p, "?limit=2")).body.quota.used).toBe(SETUP.razorpay.total);
  });
});

describe("the cache failing", () => {
  it.each(providers)("%s: the page still answers, counting at the provider", async (p) => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await db().execute(sql`alter table webhook_count rename to webhook_count_away`);
    try {
      const first = await view(p, "?limit=2");
      expect(first.body.quota.used).toBe(SETUP[p].total);
      expect(first.calls).toHaveLength(2);
      expect(log).toHaveBeenCalled();
    } finally {
      await db().execute(sql`alter table webhook_count_away rename to webhook_count`);
      log.mockRestore();
    }
  });
});
