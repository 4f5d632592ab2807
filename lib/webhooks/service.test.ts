import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/http/errors";
import { createRazorpayAdapter } from "@/lib/providers/razorpay/adapter";
import type { ProviderAdapter } from "@/lib/providers/types";
import { answerProviderCalls } from "@/lib/testing/provider-calls";
import * as service from "./service";

// The service under test with one Razorpay adapter behind it, configured for one sub-merchant.
const provider = vi.hoisted(() => ({ adapter: undefined as ProviderAdapter | undefined }));
vi.mock("@/lib/providers/registry", () => ({
  getProvider: () => provider.adapter,
  listProviders: () => (provider.adapter ? [provider.adapter] : []),
}));
vi.mock("@/lib/env", () => ({ getEnv: () => ({ sandbox: false }) }));

const ALLOWED = "acc_Ha6Vb2QzPQ9x1K";
const actor = { user: null, requestId: "test", ip: null, userAgent: null };
const NOT_ALLOWED = "acc_Zx8Yw7Vu6Ts5Rq";

describe("the webhook service opens only configured Razorpay accounts", () => {
  let razorpayCalls: ReturnType<typeof answerProviderCalls>;

  beforeEach(() => {
    provider.adapter = createRazorpayAdapter({
      keyId: "rzp_test_x",
      keySecret: "s",
      apiBase: "https://api.razorpay.example",
      timeoutMs: 2000,
      accounts: [{ id: ALLOWED, name: "Tienda Aurora" }],
      allowPrivatePingTargets: false,
    });
    razorpayCalls = answerProviderCalls("https://api.razorpay.example", () => ({
      entity: "collection",
      count: 0,
      items: [],
    }));
  });
  afterEach(() => razorpayCalls.restore());

  const body = { url: "https://example.com/hook", events: ["payment.captured"] };
  const calls: [string, (account: string) => Promise<unknown>][] = [
    [
      "list",
      (account) => service.listWebhooks("razorpay", { account, language: "en", limit: 10 }, "test"),
    ],
    [
      "get",
      (account) => service.getWebhook("razorpay", { account, language: "en" }, "HwQ8rT2vNp5Kd3"),
    ],
    [
      "create",
      (account) => service.createWebhook("razorpay", { account, language: "en" }, body, actor),
    ],
    [
      "update",
      (account) =>
        service.updateWebhook(
          "razorpay",
          { account, language: "en" },
          "HwQ8rT2vNp5Kd3",
          body,
          actor,
        ),
    ],
    [
      "delete",
      (account) =>
        service.deleteWebhook("razorpay", { account, language: "en" }, "HwQ8rT2vNp5Kd3", actor),
    ],
    [
      "ping",
      (account) =>
        service.pingWebhook(
          "razorpay",
          { account, language: "en" },
          "HwQ8rT2vNp5Kd3",
          undefined,
          actor,
        ),
    ],
  ];

  it.each(calls)(
    "%s: 403 for an account not in RAZORPAY_ACCOUNTS, and no request sent",
    async (_, call) => {
      const error = await call(NOT_ALLOWED).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("forbidden");
      expect((error as AppError).status).toBe(403);
      expect(razorpayCalls.sent).toEqual([]);
    },
  );

  it("lets a configured account through to Razorpay", async () => {
    await service.listWebhooks("razorpay", { account: ALLOWED, language: "en", limit: 10 }, "test");
    expect(razorpayCalls.sent.map((r) => r.url.pathname)).toEqual([
      `/v2/accounts/${ALLOWED}/webhooks`,
    ]);
  });
});
