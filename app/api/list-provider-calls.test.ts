// Issue 11, item 1: a list view is one provider call. A whole first page counts itself and leaves
// its count in the shared cache, which a longer view then takes (app/api/count-cache.test.ts).
import { describe, expect, it, vi } from "vitest";
import type { ProviderCall } from "@/lib/sandbox/server";
import { send } from "@/lib/testing/routes";
import type { WebhookListReply } from "@/lib/webhooks/service";
import { ACCOUNTS, providers, withWebhooksOnSandbox } from "./webhooks-harness";

vi.mock("@/lib/env", async (importOriginal) =>
  (await import("@/lib/testing/env-mock")).withTestEnv(importOriginal),
);

const { list, providerCallsDuring } = withWebhooksOnSandbox();

describe("a list view's provider calls", () => {
  const webhookCalls = (calls: ProviderCall[]) =>
    calls.filter((c) => c.method === "GET" && /\/webhooks$/.test(c.path.split("?")[0]!));

  it.each(providers)("%s: one call for a whole first page, its count from the page", async (p) => {
    const { result: response, calls } = await providerCallsDuring(() =>
      send(list(p, ACCOUNTS[p].own, "?limit=100")),
    );
    const body = (await response.json()) as WebhookListReply;
    expect(response.status).toBe(200);
    expect(body.page.hasMore).toBe(false);
    expect(body.quota.used).toBe(body.data.length);
    expect(webhookCalls(calls)).toHaveLength(1);
  });

  it.each(providers)(
    "%s: a first page with more after it takes that count: one call",
    async (p) => {
      const whole = (await (
        await send(list(p, ACCOUNTS[p].own, "?limit=100"))
      ).json()) as WebhookListReply;
      expect(whole.data.length).toBeGreaterThan(1);
      const { result: response, calls } = await providerCallsDuring(() =>
        send(list(p, ACCOUNTS[p].own, "?limit=1")),
      );
      const body = (await response.json()) as WebhookListReply;
      expect(body.data).toHaveLength(1);
      expect(body.quota.used).toBe(whole.data.length);
      expect(webhookCalls(calls)).toHaveLength(1);
    },
  );
});
