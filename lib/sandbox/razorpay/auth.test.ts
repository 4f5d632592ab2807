import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RAZORPAY_SEED } from "./seed";
import {
  basicAuth,
  GOOD_AUTH,
  startRazorpaySandbox,
  TEST_KEYS,
  type RazorpayTestSandbox,
} from "./test-client";

const LIST = `/v2/accounts/${RAZORPAY_SEED.accounts.aurora}/webhooks`;
const AUTH_FAILED = { error: { code: "BAD_REQUEST_ERROR", description: "Authentication failed" } };

let t: RazorpayTestSandbox;
beforeAll(async () => {
  t = await startRazorpaySandbox({ allowLoopback: false });
});
afterAll(() => t.sandbox.close());

describe("Razorpay HTTP Basic authentication", () => {
  it("accepts the configured key id and secret", async () => {
    const reply = await t.rz.call("GET", LIST, { auth: GOOD_AUTH });
    expect(reply.status).toBe(200);
  });

  const { razorpayKeyId: id, razorpayKeySecret: secret } = TEST_KEYS;
  it.each([
    ["no Authorization header", null],
    ["a wrong secret", basicAuth(id, "wrong")],
    ["a wrong key id", basicAuth("rzp_test_other", secret)],
    ["a live key id for a test secret", basicAuth("rzp_live_x", secret)],
    ["the scheme word in lower case", basicAuth(id, secret, "basic")],
    ["the scheme word in upper case", basicAuth(id, secret, "BASIC")],
    ["a Bearer token", `Bearer ${secret}`],
    ["credentials without a colon", `Basic ${Buffer.from(`${id}${secret}`).toString("base64")}`],
    ["the key id alone", `Basic ${Buffer.from(`${id}:`).toString("base64")}`],
    ["credentials that are not base64", "Basic %%%"],
    ["two spaces after the scheme", `Basic  ${Buffer.from(`${id}:${secret}`).toString("base64")}`],
  ])(
    "refuses %s with 401 Authentication failed, code and description only",
    async (_name, auth) => {
      const reply = await t.rz.call("GET", LIST, { auth });
      expect(reply.status).toBe(401);
      expect(reply.body).toStrictEqual(AUTH_FAILED);
    },
  );

  it("checks credentials on every route, writes included", async () => {
    const bad = basicAuth(id, "wrong");
    const webhook = `${LIST}/${RAZORPAY_SEED.webhooks.auroraOrders}`;
    for (const [method, path] of [
      ["POST", LIST],
      ["GET", webhook],
      ["PATCH", webhook],
      ["DELETE", webhook],
    ] as const) {
      const body =
        method === "GET" ? undefined : { url: "https://example.com/h", events: ["order.paid"] };
      const reply = await t.rz.call(method, path, { auth: bad, body });
      expect(reply.status, `${method} ${path}`).toBe(401);
    }
    // The refused DELETE did not delete.
    expect((await t.rz.call("GET", webhook)).status).toBe(200);
  });

  it("answers an unknown route before authenticating, as Razorpay's router does", async () => {
    const reply = await t.rz.call("GET", "/v2/nothing-here", { auth: null });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({
      error: { description: "The requested URL was not found on the server." },
    });
  });
});
