// Double submits and lost replies through the console API (issue 9 items 3 and 4): the route
// handlers called as Next calls them, in front of the bundled sandbox, whose call recorder says
// how many creates reached the provider and whose faults drop a write's reply after storing it.
import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify";
import { auditLog } from "@/lib/db/schema";
import { withTestDatabase } from "@/lib/db/testing";
import { getProvider } from "@/lib/providers/registry";
import { CONEKTA_SEED } from "@/lib/sandbox/conekta/seed";
import { RAZORPAY_SEED } from "@/lib/sandbox/razorpay/seed";
import { faultSchema, type FaultInput } from "@/lib/sandbox/faults";
import { setTestEnv } from "@/lib/testing/env-mock";
import { consoleOnSandbox, envelope, send, sessionCookie, type Call } from "@/lib/testing/routes";
import { SANDBOX_TEST_KEYS } from "@/lib/testing/sandbox";
import { ORIGIN } from "@/lib/users/testing";
import { webhookSchema } from "@/lib/webhooks/model";
import * as webhooksRoute from "./[provider]/[account]/webhooks/route";
import * as webhookRoute from "./[provider]/[account]/webhooks/[id]/route";

vi.mock("@/lib/env", async (importOriginal) =>
  (await import("@/lib/testing/env-mock")).withTestEnv(importOriginal),
);

const db = withTestDatabase("pglite");
const sandbox = consoleOnSandbox(setTestEnv, {
  keys: SANDBOX_TEST_KEYS,
  env: { PROVIDER_TIMEOUT_MS: "2000" },
});

const cases = [
  {
    provider: "conekta",
    account: CONEKTA_SEED.emptyChildId,
    events: ["order.paid"],
    collection: "^/webhooks$",
    item: (id: string) => `^/webhooks/${id}$`,
    editMethod: "PUT",
  },
  {
    provider: "razorpay",
    account: RAZORPAY_SEED.accounts.empty,
    events: ["payment.captured"],
    collection: "^/v2/accounts/[^/]+/webhooks$",
    item: (id: string) => `^/v2/accounts/[^/]+/webhooks/${id}$`,
    editMethod: "PATCH",
  },
] as const;
type Case = (typeof cases)[number];

let cookie = "";
beforeAll(async () => {
  cookie = await sessionCookie("admin@sandbox.test");
});
// A fault a failed test left unspent must not hit the next one.
beforeEach(() => sandbox().faults.clear());
/** The address the requests come to, which a change's Origin must match. */
const host = () => ({ host: new URL(ORIGIN).host });

let serial = 0;
const urlOf = (c: Case) => `${sandbox().url}/receivers/ok/idempotency-${c.provider}-${++serial}`;
const collectionPath = (c: Case) => `/api/${c.provider}/${c.account}/webhooks`;

function create(c: Case, body: unknown, headers: Record<string, string> = {}): Call {
  return {
    handler: webhooksRoute.POST,
    method: "POST",
    path: collectionPath(c),
    params: { provider: c.provider, account: c.account },
    cookie,
    headers: { ...host(), ...headers },
    body: JSON.stringify(body),
  };
}

function onWebhook(c: Case, id: string, method: "PATCH" | "DELETE", requestId: string): Call {
  return {
    handler: method === "PATCH" ? webhookRoute.PATCH : webhookRoute.DELETE,
    method,
    path: `${collectionPath(c)}/${id}`,
    params: { provider: c.provider, account: c.account, id },
    cookie,
    headers: { ...host(), "x-request-id": requestId },
  };
}

const fault = (c: Case, input: Omit<FaultInput, "provider" | "account">) =>
  sandbox().faults.add(faultSchema.parse({ provider: c.provider, account: c.account, ...input }));

/** The creates (POSTs to the collection) that reach the sandbox while `run` runs. */
async function countingCreates<T>(c: Case, run: () => Promise<T>) {
  const after = sandbox().calls.at(-1)?.seq ?? 0;
  const result = await run();
  const pattern = new RegExp(c.collection);
  const creates = sandbox().calls.filter(
    (call) =>
      call.seq > after &&
      call.provider === c.provider &&
      call.method === "POST" &&
      pattern.test(call.path.slice(c.provider.length + 1)),
  ).length;
  return { result, creates };
}

async function withUrl(c: Case, url: string) {
  const page = await getProvider(c.provider).listWebhooks({
    account: c.account,
    language: "en",
    limit: 100,
  });
  return page.data.filter((w) => w.url === url);
}

async function webhookOf(response: Response) {
  return webhookSchema.parse(await response.json());
}

async function outcomeOf(requestId: string, action: string) {
  const [row] = await db()
    .select({ outcome: auditLog.outcome })
    .from(auditLog)
    .where(and(eq(auditLog.requestId, requestId), eq(auditLog.action, action)));
  return row?.outcome;
}

describe.each(cases)("creates on $provider", (c) => {
  it("refuses a malformed Idempotency-Key with a 400 naming the header, before anything is sent", async () => {
    const url = urlOf(c);
    const { result, creates } = await countingCreates(c, () =>
      send(create(c, { url, events: c.events }, { "idempotency-key": "has spaces in it" })),
    );
    expect(result.status, await result.clone().text()).toBe(400);
    expect((await envelope(result)).message).toContain("Idempotency-Key");
    expect(creates).toBe(0);
  });

  it("makes one webhook for a double submit with one key: both replies 201 with its id", async () => {
    const url = urlOf(c);
    const body = { url, events: c.events };
    const headers = { "idempotency-key": crypto.randomUUID() };
    // The provider is slow, so the second request surely comes while the first is in flight.
    fault(c, { kind: "latency", latencyMs: 300, method: "POST", path: c.collection, times: 1 });

    const { result: replies, creates } = await countingCreates(c, () =>
      Promise.all([send(create(c, body, headers)), send(create(c, body, headers))]),
    );

    expect(replies.map((r) => r.status)).toEqual([201, 201]);
    const [a, b] = await Promise.all(replies.map(webhookOf));
    expect(a?.id).toBe(b?.id);
    expect(creates).toBe(1);
    expect((await withUrl(c, url)).map((w) => w.id)).toEqual([a?.id]);
  });

  it("replays the first reply to a repeat with the key, without calling the provider", async () => {
    const body = { url: urlOf(c), events: c.events };
    const headers = { "idempotency-key": crypto.randomUUID() };
    const first = await send(create(c, body, headers));
    expect(first.status).toBe(201);

    const { result: again, creates } = await countingCreates(c, () =>
      send(create(c, body, headers)),
    );
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await webhookOf(again)).toEqual(await webhookOf(first));
    expect(creates).toBe(0);
  });

  it("refuses the key with another body, and creates nothing", async () => {
    const headers = { "idempotency-key": crypto.randomUUID() };
    expect((await send(create(c, { url: urlOf(c), events: c.events }, headers))).status).toBe(201);

    const other = urlOf(c);
    const { result, creates } = await countingCreates(c, () =>
      send(create(c, { url: other, events: c.events }, headers)),
    );
    expect(result.status).toBe(422);
    expect((await envelope(result)).message).toMatch(/already used for another request/);
    expect(creates).toBe(0);
    expect(await withUrl(c, other)).toEqual([]);
  });

  it("without a key, refuses a second create of the URL while the first is in flight (409)", async () => {
    const url = urlOf(c);
    const body = { url, events: c.events };
    fault(c, { kind: "latency", latencyMs: 300, method: "POST", path: c.collection, times: 1 });

    const replies = await Promise.all([send(create(c, body)), send(create(c, body))]);

    expect(replies.map((r) => r.status).sort()).toEqual([201, 409]);
    const refused = replies.find((r) => r.status === 409);
    expect((await envelope(refused ?? Response.error())).message).toMatch(/already being added/);
    expect(await withUrl(c, url)).toHaveLength(1);
  });

  it("after a reply lost once stored, reports it created, and a retry with the key makes no second one", async () => {
    const url = urlOf(c);
    const body = { url, events: c.events };
    const headers = { "idempotency-key": crypto.randomUUID() };
    fault(c, { kind: "reset-after", method: "POST", path: c.collection, times: 1 });

    const first = await send(create(c, body, headers));
    expect(first.status).toBe(201);
    const retry = await send(create(c, body, headers));
    expect(retry.status).toBe(201);
    expect((await webhookOf(retry)).id).toBe((await webhookOf(first)).id);
    expect(await withUrl(c, url)).toHaveLength(1);
  });
});

describe.each(cases)("edits and deletes whose reply is lost, on $provider", (c) => {
  const adapter = () => getProvider(c.provider);
  const scope = { account: c.account, language: "en" as const };

  it("reports an edit the provider made as saved, audited as reconciled", async () => {
    const webhook = await adapter().createWebhook(scope, { url: urlOf(c), events: [...c.events] });
    const url = urlOf(c);
    fault(c, { kind: "reset-after", method: c.editMethod, path: c.item(webhook.id), times: 1 });
    const requestId = `reconcile-edit-${c.provider}`;

    const reply = await send({
      ...onWebhook(c, webhook.id, "PATCH", requestId),
      body: JSON.stringify({ url }),
    });

    expect(reply.status).toBe(200);
    expect(await webhookOf(reply)).toMatchObject({ id: webhook.id, url });
    expect((await adapter().getWebhook(scope, webhook.id)).url).toBe(url);
    expect(await outcomeOf(requestId, "webhook.update")).toBe("reconciled");
  });

  it("reports a delete the provider made as done (204), audited as reconciled", async () => {
    const webhook = await adapter().createWebhook(scope, { url: urlOf(c), events: [...c.events] });
    fault(c, { kind: "reset-after", method: "DELETE", path: c.item(webhook.id), times: 1 });
    const requestId = `reconcile-delete-${c.provider}`;

    const reply = await send(onWebhook(c, webhook.id, "DELETE", requestId));

    expect(reply.status).toBe(204);
    await expect(adapter().getWebhook(scope, webhook.id)).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await outcomeOf(requestId, "webhook.delete")).toBe("reconciled");
    // The new outcome is sealed like any other: the chain still holds.
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
  });

  it("still reports an edit that the provider never got as failed", async () => {
    const webhook = await adapter().createWebhook(scope, { url: urlOf(c), events: [...c.events] });
    fault(c, { kind: "reset", method: c.editMethod, path: c.item(webhook.id), times: 1 });
    const requestId = `unreconciled-edit-${c.provider}`;

    const reply = await send({
      ...onWebhook(c, webhook.id, "PATCH", requestId),
      body: JSON.stringify({ url: urlOf(c) }),
    });

    expect(reply.status).toBe(502);
    expect(await outcomeOf(requestId, "webhook.update")).toBe("provider_error");
  });
});
