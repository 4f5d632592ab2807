import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  razorpayAuthErrorSchema,
  razorpayCollectionSchema,
  razorpayDeleteSchema,
  razorpayErrorSchema,
  razorpayWebhookSchema,
} from "./schemas";
import { RAZORPAY_SEED } from "./seed";
import { startRazorpaySandbox, type RazorpayReply, type RazorpayTestSandbox } from "./test-client";

/**
 * Every reply any test in this folder receives goes through test-client.ts, which parses it with
 * the schemas below (and checks the content type). This file walks each kind of reply once and
 * shows that the schemas catch what the emulator must never send.
 */

const { aurora, spices } = RAZORPAY_SEED.accounts;
const LIST = `/v2/accounts/${aurora}/webhooks`;
const ONE = `${LIST}/${RAZORPAY_SEED.webhooks.auroraPayments}`;
const BODY = { url: "https://shop.example.com/hook", events: ["order.paid"], secret: "x" };

let t: RazorpayTestSandbox;
beforeAll(async () => {
  t = await startRazorpaySandbox({ allowLoopback: false });
});
beforeEach(() => t.sandbox.reset());
afterAll(() => t.sandbox.close());

async function addFault(fault: Record<string, unknown>) {
  const response = await fetch(`${t.sandbox.url}/__control/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ provider: "razorpay", ...fault }),
  });
  expect(response.status).toBe(201);
}

describe("the Razorpay reply contract", () => {
  it.each<[string, string, string, unknown, RazorpayReply["kind"]]>([
    ["list", "GET", LIST, undefined, "collection"],
    ["list with a trailing slash", "GET", `${LIST}/`, undefined, "collection"],
    ["get", "GET", ONE, undefined, "webhook"],
    ["create", "POST", LIST, BODY, "webhook"],
    ["update", "PATCH", ONE, BODY, "webhook"],
    ["delete", "DELETE", ONE, undefined, "deleted"],
    ["validation error", "POST", LIST, {}, "error"],
    ["unknown route", "GET", "/v3/whatever", undefined, "error"],
  ])("%s replies in the documented shape", async (_name, method, path, body, kind) => {
    const reply = await t.rz.call(method, path, { body });
    expect(reply.kind).toBe(kind);
  });

  it("answers an auth failure in the short shape", async () => {
    expect((await t.rz.call("GET", LIST, { auth: null })).kind).toBe("auth-error");
  });

  it.each([
    [
      500,
      "SERVER_ERROR",
      "The server encountered an error. The incident has been reported to admins.",
    ],
    [
      502,
      "SERVER_ERROR",
      "The server encountered an error. The incident has been reported to admins.",
    ],
    [
      503,
      "SERVER_ERROR",
      "The server encountered an error. The incident has been reported to admins.",
    ],
    [400, "BAD_REQUEST_ERROR", "The request could not be processed."],
    [404, "BAD_REQUEST_ERROR", "The requested URL was not found on the server."],
  ])("shapes an injected %i as Razorpay would (%s)", async (status, code, description) => {
    await addFault({ kind: "status", status, times: 1 });
    const reply = await t.rz.error("GET", LIST);
    expect(reply.status).toBe(status);
    expect(reply.error).toMatchObject({ code, description });
  });

  it("shapes an injected 401 as the short auth error", async () => {
    await addFault({ kind: "status", status: 401, times: 1 });
    const reply = await t.rz.call("GET", LIST);
    expect(reply).toMatchObject({ status: 401, kind: "auth-error" });
  });

  it("shapes throttling as a 429 BAD_REQUEST_ERROR Too many requests", async () => {
    await addFault({ kind: "rate-limit", retryAfter: 2, times: 1 });
    const reply = await t.rz.error("GET", LIST);
    expect(reply.status).toBe(429);
    expect(reply.error).toMatchObject({
      code: "BAD_REQUEST_ERROR",
      description: "Too many requests",
    });
  });

  it("lets a fault target one account by its acc_ id", async () => {
    await addFault({ kind: "status", status: 500, account: spices });
    expect((await t.rz.call("GET", LIST)).status).toBe(200);
    expect((await t.rz.error("GET", `/v2/accounts/${spices}/webhooks`)).status).toBe(500);
    expect(
      t.sandbox.emulators.razorpay.accountOf({
        method: "GET",
        path: "/v1/payments",
        query: new URLSearchParams(),
        headers: {},
        rawBody: Buffer.alloc(0),
      }),
    ).toBe("default");
  });
});

describe("the contract schemas catch what the emulator must not send", () => {
  const good = {
    id: "HwP4yQ7sLm2Tz1",
    created_at: 1700000000,
    updated_at: 1700000000,
    service: "beta-api-test",
    owner_id: "Ha6Vb2QzPQ9x1K",
    owner_type: "merchant",
    context: [],
    disabled_at: 0,
    url: "https://example.com",
    alert_email: "",
    secret_exists: true,
    entity: "webhook",
    active: true,
    events: ["order.paid"],
  };

  it("accepts a well-formed webhook", () => {
    expect(razorpayWebhookSchema.safeParse(good).success).toBe(true);
  });

  it.each([
    ["a returned secret", { ...good, secret: "x" }],
    ["a 13-character id", { ...good, id: "HwP4yQ7sLm2Tz" }],
    ["owner_id with acc_", { ...good, owner_id: "acc_Ha6Vb2QzPQ9x1K" }],
    ["active as a number", { ...good, active: 1 }],
    ["a missing service", { ...good, service: undefined }],
    ["milliseconds in created_at", { ...good, created_at: 1.5 }],
  ])("refuses a webhook with %s", (_name, webhook) => {
    expect(razorpayWebhookSchema.safeParse(webhook).success).toBe(false);
  });

  it("refuses a collection whose count is not its page size, and a non-empty delete", () => {
    expect(
      razorpayCollectionSchema.safeParse({ entity: "collection", count: 2, items: [good] }).success,
    ).toBe(false);
    expect(razorpayDeleteSchema.safeParse([good]).success).toBe(false);
  });

  it("refuses an auth error with extra fields and an error with an unknown code", () => {
    const auth = {
      error: { code: "BAD_REQUEST_ERROR", description: "Authentication failed", source: "NA" },
    };
    expect(razorpayAuthErrorSchema.safeParse(auth).success).toBe(false);
    const error = {
      error: {
        code: "NOT_FOUND",
        description: "x",
        source: "NA",
        step: "NA",
        reason: "NA",
        metadata: {},
      },
    };
    expect(razorpayErrorSchema.safeParse(error).success).toBe(false);
  });
});
