// POST /api/{provider}/{account}/webhooks/{id}/ping at the route handler, against the sandbox:
// a secret in a chunked body still signs the Razorpay ping (bug 2), the console's own limit of 10
// pings a minute, and the ping's message in Spanish (bug 5 (a)).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { withTestDatabase } from "@/lib/db/testing";
import { setTestEnv } from "@/lib/testing/env-mock";
import { messages } from "@/lib/i18n/messages";
import { getProvider } from "@/lib/providers/registry";
import {
  envelope,
  sandboxControl,
  send,
  sessionCookie,
  consoleOnSandbox,
  type Call,
} from "@/lib/testing/routes";
import { SANDBOX_TEST_KEYS } from "@/lib/testing/sandbox";
import { pingResultSchema } from "@/lib/webhooks/model";
import { describePing } from "@/lib/webhooks/ping-message";
import * as pingRoute from "./[provider]/[account]/webhooks/[id]/ping/route";

vi.mock("@/lib/env", async (importOriginal) =>
  (await import("@/lib/testing/env-mock")).withTestEnv(importOriginal),
);

// The database first: the sandbox's set-up seeds the demo users into it.
withTestDatabase("pglite");
const sandbox = consoleOnSandbox(setTestEnv, { keys: SANDBOX_TEST_KEYS });
const control = sandboxControl(() => sandbox().url);

const providers = ["conekta", "razorpay"] as const;
type P = (typeof providers)[number];
const ACCOUNT: Record<P, string> = {
  conekta: "6595f5005eed000000000004",
  razorpay: "acc_Ha6Vb2QzPQ9x1K",
};
const EVENT: Record<P, string> = { conekta: "order.paid", razorpay: "payment.captured" };
const SECRET = "whsec_chunked_route_secret";

let admin = "";
const created: { provider: P; id: string }[] = [];
let serial = 0;

/** A fresh webhook at a demo receiver (`ok` answers 200, `fail` 500); its id and receiver path. */
async function webhookAt(provider: P, kind: "ok" | "fail" = "ok", secret?: string) {
  const path = `/receivers/${kind}/ping-route-${++serial}`;
  const { id } = await getProvider(provider).createWebhook(
    { account: ACCOUNT[provider], language: "en" },
    { url: `${sandbox().url}${path}`, events: [EVENT[provider]], ...(secret ? { secret } : {}) },
  );
  created.push({ provider, id });
  return { id, path };
}

function ping(provider: P, id: string, extra: Partial<Call> = {}): Promise<Response> {
  const account = ACCOUNT[provider];
  return send({
    handler: pingRoute.POST,
    method: "POST",
    path: `/api/${provider}/${account}/webhooks/${id}/ping`,
    params: { provider, account, id },
    cookie: admin,
    ...extra,
  });
}

/** A body sent in chunks, as HTTP/1.1 chunked encoding or HTTP/2 would bring it: no length. */
function chunked(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  const middle = Math.floor(bytes.length / 2);
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes.slice(0, middle));
      controller.enqueue(bytes.slice(middle));
      controller.close();
    },
  });
}

beforeAll(async () => {
  admin = await sessionCookie("admin@sandbox.test");
});
afterAll(async () => {
  for (const { provider, id } of created)
    await getProvider(provider)
      .deleteWebhook({ account: ACCOUNT[provider], language: "en" }, id)
      .catch(() => undefined);
});

describe("bug 2: a Razorpay ping with the secret in a chunked body goes out signed", () => {
  it.each([
    ["declared application/json", { "content-type": "application/json" }],
    ["with no Content-Type at all", { "content-type": "" }],
  ])("chunked, %s, no Content-Length → signed", async (_, headers) => {
    const { id, path } = await webhookAt("razorpay", "ok", SECRET);
    const response = await ping("razorpay", id, {
      headers,
      body: chunked(JSON.stringify({ secret: SECRET })),
    });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(pingResultSchema.parse(await response.json()).outcome).toBe("delivered");
    const deliveries = await control.deliveries(path);
    expect(deliveries.map((d) => d.signature)).toEqual(["valid"]);
  });

  it("the same secret with a Content-Length is signed too", async () => {
    const { id, path } = await webhookAt("razorpay", "ok", SECRET);
    const body = JSON.stringify({ secret: SECRET });
    const response = await ping("razorpay", id, {
      headers: { "content-length": String(body.length) },
      body,
    });
    expect(response.status).toBe(200);
    expect((await control.deliveries(path)).map((d) => d.signature)).toEqual(["valid"]);
  });

  it("no body → sent unsigned; a chunked empty body is no body", async () => {
    const { id, path } = await webhookAt("razorpay", "ok", SECRET);
    expect((await ping("razorpay", id)).status).toBe(200);
    expect((await ping("razorpay", id, { body: chunked("") })).status).toBe(200);
    expect((await control.deliveries(path)).map((d) => d.signature)).toEqual(["absent", "absent"]);
  });

  it("a chunked body that is not JSON is a 400, and nothing is sent", async () => {
    const { id, path } = await webhookAt("razorpay", "ok", SECRET);
    const response = await ping("razorpay", id, { body: chunked("secret=" + SECRET) });
    expect(response.status).toBe(400);
    const body = await response.clone().text();
    expect((await envelope(response)).code).toBe("bad_request");
    expect(body).not.toContain(SECRET);
    expect(await control.deliveries(path)).toEqual([]);
  });
});

describe("the console's own ping limit: 10 a minute per user and webhook", () => {
  it.each(providers)("%s: the 11th ping of a minute → 429 with Retry-After", async (provider) => {
    const { id } = await webhookAt(provider);
    for (let i = 1; i <= 10; i++) {
      const response = await ping(provider, id);
      expect(response.status, `ping ${i}: ${await response.clone().text()}`).toBe(200);
    }
    const before = (await control.deliveries("/receivers/ok/ping-route-")).length;
    const eleventh = await ping(provider, id);
    expect(eleventh.status).toBe(429);
    expect(Number(eleventh.headers.get("retry-after"))).toBeGreaterThan(0);
    const error = await envelope(eleventh);
    expect(error.code).toBe("rate_limited");
    expect(error.requestId).toMatch(/\S/);
    expect(error.provider).toBeUndefined();
    // Refused before anything reached the endpoint.
    expect((await control.deliveries("/receivers/ok/ping-route-")).length).toBe(before);
  });
});

describe("bug 5 (a): a ping's message reaches a Spanish user in Spanish", () => {
  const rows = providers.flatMap((provider) =>
    (["ok", "fail"] as const).map((kind) => ({ provider, kind })),
  );

  it.each(rows)("$provider, receiver $kind, Accept-Language: es", async ({ provider, kind }) => {
    const { id } = await webhookAt(provider, kind);
    const response = await ping(provider, id, { headers: { "accept-language": "es" } });
    expect(response.status).toBe(200);
    const result = pingResultSchema.parse(await response.json());
    expect(result.outcome).toBe(kind === "ok" ? "delivered" : "failed");
    // The browser words the message from its code (components/webhooks/use-ping-text.ts).
    expect(result.messageCode).toMatch(/\S/);
    expect(result.messageCode in messages.es.pings.messages).toBe(true);
    const spanish = describePing(result, "es");
    expect(spanish).not.toBe(describePing(result, "en"));
    expect(spanish).not.toMatch(/\{\w+\}/);
  });

  it("every ping message the server can send has its own Spanish text", () => {
    const en = messages.en.pings.messages;
    const es = messages.es.pings.messages as Record<string, string>;
    for (const [code, text] of Object.entries(en)) {
      expect(es[code], code).toBeDefined();
      expect(es[code], code).not.toBe(text);
    }
  });
});
