import { createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { RAZORPAY_SEED } from "./seed";
import { signRazorpayBody } from "./signature";
import { startRazorpaySandbox, type RazorpayTestSandbox } from "./test-client";

const BODY = JSON.stringify({
  entity: "event",
  account_id: RAZORPAY_SEED.signed.accountId,
  event: "payment.captured",
  contains: ["payment"],
  payload: { payment: { entity: { id: "pay_29QQoUBi66xm2f" } } },
  created_at: 1740830400,
});
const UA = "Razorpay-Webhook/v1";
const hmac = (body: string, secret: string) =>
  createHmac("sha256", secret).update(body).digest("hex");

const deliveriesSchema = z.object({
  data: z.array(z.object({ path: z.string(), signature: z.string() })),
});

let t: RazorpayTestSandbox;
beforeAll(async () => {
  t = await startRazorpaySandbox({ allowLoopback: true });
});
beforeEach(() => t.sandbox.reset());
afterAll(() => t.sandbox.close());

/** Posts a delivery to a demo receiver and reads back what the sandbox made of its signature. */
async function deliver(
  path: string,
  headers: Record<string, string>,
  body = BODY,
): Promise<string | undefined> {
  const response = await fetch(`${t.sandbox.url}${path}`, { method: "POST", headers, body });
  expect(response.status).toBe(200);
  const pathname = path.split("?")[0] ?? path;
  const recorded = await fetch(
    `${t.sandbox.url}/__control/deliveries?path=${encodeURIComponent(pathname)}`,
  );
  const { data } = deliveriesSchema.parse(await recorded.json());
  return data.at(-1)?.signature;
}

describe("Razorpay delivery signatures at the demo receivers", () => {
  const { path, secret } = RAZORPAY_SEED.signed;

  it("signs as Razorpay does: lowercase hex HMAC-SHA256 of the raw body", () => {
    expect(signRazorpayBody(BODY, secret)).toBe(hmac(BODY, secret));
    expect(signRazorpayBody(BODY, secret)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("finds a delivery signed with the seeded secret valid", async () => {
    const signature = hmac(BODY, secret);
    expect(await deliver(path, { "x-razorpay-signature": signature, "user-agent": UA })).toBe(
      "valid",
    );
  });

  it.each([
    ["a wrong secret", hmac(BODY, "not-the-secret")],
    ["another webhook's secret", hmac(BODY, "aurora_refunds_s3cret")],
    ["upper-case hex", hmac(BODY, secret).toUpperCase()],
    ["garbage", "abc"],
  ])("finds a delivery signed with %s invalid", async (_name, signature) => {
    expect(await deliver(path, { "x-razorpay-signature": signature, "user-agent": UA })).toBe(
      "invalid",
    );
  });

  it("finds a body changed after signing invalid", async () => {
    const signature = hmac(BODY, secret);
    expect(await deliver(path, { "x-razorpay-signature": signature }, `${BODY} `)).toBe("invalid");
  });

  it("finds a signed delivery to a URL with no webhook secret invalid", async () => {
    const signature = hmac(BODY, secret);
    expect(
      await deliver("/receivers/ok/aurora-orders", { "x-razorpay-signature": signature }),
    ).toBe("invalid");
  });

  it("reports a Razorpay delivery without a signature as absent", async () => {
    expect(await deliver(path, { "user-agent": UA })).toBe("absent");
  });

  it("leaves a delivery that is not Razorpay's to other checks", () => {
    const verify = t.sandbox.emulators.razorpay.verifySignature;
    const url = `${t.sandbox.url}${path}`;
    expect(
      verify?.({ url, headers: { "user-agent": "curl/8" }, rawBody: Buffer.from(BODY) }),
    ).toBeUndefined();
    expect(verify?.({ url, headers: {}, rawBody: Buffer.from(BODY) })).toBeUndefined();
  });

  it("checks against the secret of a webhook created through the API", async () => {
    const url = `${t.sandbox.url}/receivers/ok/created-now`;
    const body = { url, events: ["order.paid"], secret: "fresh-secret" };
    await t.rz.webhook("POST", `/v2/accounts/${RAZORPAY_SEED.accounts.empty}/webhooks`, body);
    const headers = { "x-razorpay-signature": hmac(BODY, "fresh-secret"), "user-agent": UA };
    expect(await deliver("/receivers/ok/created-now", headers)).toBe("valid");
    expect(await deliver("/receivers/ok/created-now?attempt=2", headers)).toBe("valid");
  });

  it("forgets a secret once the webhook is deleted", async () => {
    const { accountId, webhookId } = RAZORPAY_SEED.signed;
    await t.rz.call("DELETE", `/v2/accounts/${accountId}/webhooks/${webhookId}`);
    expect(await deliver(path, { "x-razorpay-signature": hmac(BODY, secret) })).toBe("invalid");
  });
});
