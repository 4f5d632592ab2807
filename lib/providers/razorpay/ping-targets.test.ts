import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/errors";
import { SANDBOX_RAZORPAY_ACCOUNTS } from "@/lib/sandbox/defaults";
import { RAZORPAY_SEED } from "@/lib/sandbox/razorpay/seed";
import { SANDBOX_TEST_KEYS, useSandbox } from "@/lib/testing/sandbox";
import { createRazorpayAdapter } from "./adapter";

// On the sandbox the guard is lifted for the sandbox's own receivers only (issue 12, crack 1):
// anything else on loopback is refused as in production, so a ping can neither drive the
// sandbox's controls nor tell this machine's open ports from closed ones.
describe("where a sandbox ping may go", () => {
  const sandbox = useSandbox();
  const scope = { account: RAZORPAY_SEED.accounts.empty, language: "en" } as const;
  const adapter = () =>
    createRazorpayAdapter({
      keyId: SANDBOX_TEST_KEYS.razorpayKeyId,
      keySecret: SANDBOX_TEST_KEYS.razorpayKeySecret,
      apiBase: `${sandbox().url}/razorpay`,
      timeoutMs: 2000,
      accounts: SANDBOX_RAZORPAY_ACCOUNTS.map((a) => ({ ...a })),
      allowPrivatePingTargets: true,
      privatePingPrefix: `${sandbox().url}/receivers/`,
    });
  const pingAt = async (url: string) => {
    const created = await adapter().createWebhook(scope, { url, events: ["payment.captured"] });
    try {
      return await adapter().pingWebhook({ ...scope, id: created.id });
    } finally {
      await adapter().deleteWebhook(scope, created.id);
    }
  };

  it("reaches the sandbox's own receivers", async () => {
    expect(await pingAt(`${sandbox().url}/receivers/ok/targets`)).toMatchObject({
      outcome: "delivered",
    });
  });

  it.each([
    ["the sandbox's controls", (base: string) => `${base}/__control/reset`],
    ["a receiver-like path on the controls", (base: string) => `${base}/__control/receivers/x`],
  ])("refuses %s, sending nothing", async (_, urlOf) => {
    const error = await pingAt(urlOf(sandbox().url)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    // Refused as in production (here for its port, before any address is looked at).
    expect(error).toMatchObject({
      code: "bad_request",
      text: { key: expect.stringMatching(/^pingRefused/) as unknown },
    });
  });

  it("refuses another loopback port, open or closed alike", async () => {
    let hits = 0;
    const other = createServer((_req, res) => {
      hits += 1;
      res.end("ok");
    });
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    const { port } = other.address() as AddressInfo;
    try {
      const error = await pingAt(`http://127.0.0.1:${port}/receivers/ok/x`).catch(
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: "bad_request" });
      expect(hits).toBe(0);
    } finally {
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });
});
