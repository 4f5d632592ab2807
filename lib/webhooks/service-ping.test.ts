import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import type { Actor, SessionUser } from "@/lib/auth/session";
import { auditLog } from "@/lib/db/schema";
import { engines, withTestDatabase } from "@/lib/db/testing";
import { AppError, toErrorResponse } from "@/lib/http/errors";
import type { ProviderAdapter } from "@/lib/providers/types";
import type { PingReport, Webhook } from "./model";
import * as service from "./service";

// The service with a stub adapter behind it: how pings are limited, stored and shown in the list.
const provider = vi.hoisted(() => ({
  adapter: undefined as ProviderAdapter | undefined,
  pings: 0,
}));
vi.mock("@/lib/providers/registry", () => ({
  getProvider: () => provider.adapter,
  listProviders: () => (provider.adapter ? [provider.adapter] : []),
}));
vi.mock("@/lib/env", () => ({ getEnv: () => ({ sandbox: false }) }));

const ACCOUNT = "acc_Ha6Vb2QzPQ9x1K";
const scope = { account: ACCOUNT, language: "en" as const };

function actorOf(id: string): Actor {
  const user: SessionUser = {
    id,
    email: `${id}@example.test`,
    name: id,
    role: "support",
    accounts: "all",
  };
  return { user, requestId: `req-${id}`, ip: null, userAgent: null };
}

function webhook(id: string): Webhook {
  return {
    id,
    provider: "razorpay",
    account: ACCOUNT,
    url: `https://example.com/${id}`,
    events: ["payment.captured"],
    active: true,
    status: null,
    hasSecret: false,
    alertEmail: null,
    createdAt: null,
    updatedAt: null,
  };
}

function stubAdapter(): ProviderAdapter {
  const fail = () => Promise.reject(new Error("not used"));
  const hooks = ["wh_list_1", "wh_list_2"].map(webhook);
  return {
    id: "razorpay",
    displayName: "Razorpay",
    webhookLimit: 30,
    listAccounts: fail,
    assertAccount: () => Promise.resolve(),
    getAccount: ({ account }) =>
      Promise.resolve({ id: account, name: account, provider: "razorpay" }),
    eventCatalogue: () => [],
    listWebhooks: () =>
      Promise.resolve({ data: hooks, page: { next: null, previous: null, hasMore: false } }),
    countWebhooks: () => Promise.resolve(hooks.length),
    getWebhook: fail,
    createWebhook: fail,
    updateWebhook: fail,
    deleteWebhook: fail,
    pingWebhook: ({ id }) => {
      provider.pings += 1;
      if (id.startsWith("wh_refused")) {
        return Promise.reject(AppError.of("bad_request", "pingRefusedPort"));
      }
      const report: PingReport = {
        outcome: "failed",
        httpStatus: 503,
        latencyMs: 12,
        messageCode: "failed_status",
        messageValues: { status: 503 },
        at: new Date().toISOString(),
      };
      return Promise.resolve(report);
    },
  };
}

const ping = (id: string, actor: Actor) =>
  service.pingWebhook("razorpay", scope, id, undefined, actor);

describe.each(engines)("pings through the webhook service on %s", (engine) => {
  const db = withTestDatabase(engine);
  provider.adapter = stubAdapter();

  it("refuses the 11th ping of one user to one webhook in a minute with 429 and Retry-After, before the provider", async () => {
    const ana = actorOf("ana");
    for (let i = 1; i <= 10; i++) await ping("wh_limit", ana);
    const sent = provider.pings;

    const error = await ping("wh_limit", ana).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "rate_limited", status: 429 });
    const { status, headers, body } = toErrorResponse(error, "req");
    expect(status).toBe(429);
    expect(Number(headers["retry-after"])).toBeGreaterThan(0);
    expect(Number(headers["retry-after"])).toBeLessThanOrEqual(60);
    expect(body.error.message).toMatch(/Too many pings/);
    expect(provider.pings).toBe(sent);

    // Another user of the same webhook, and the same user on another webhook, still get through.
    await expect(ping("wh_limit", actorOf("bea"))).resolves.toMatchObject({ httpStatus: 503 });
    await expect(ping("wh_limit_other", ana)).resolves.toMatchObject({ httpStatus: 503 });
    // The refused ping is in neither the history nor the audit log: it was never sent.
    const history = await service.listPingHistory("razorpay", scope, "wh_limit");
    expect(history).toHaveLength(11);
  });

  it("answers with the report and its English message, and stores it with the sender", async () => {
    const result = await ping("wh_list_1", actorOf("cy"));
    expect(result).toMatchObject({
      outcome: "failed",
      httpStatus: 503,
      messageCode: "failed_status",
      messageValues: { status: 503 },
      message: "The endpoint answered HTTP 503.",
    });
    const [last] = await service.listPingHistory("razorpay", scope, "wh_list_1");
    expect(last).toMatchObject({ outcome: "failed", by: "cy@example.test", at: result.at });
  });

  it("stores a refused ping as an error, and audits every ping sent", async () => {
    const error = await ping("wh_refused", actorOf("dee")).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "bad_request" });
    const [stored] = await service.listPingHistory("razorpay", scope, "wh_refused");
    expect(stored).toMatchObject({
      outcome: "error",
      messageCode: "refused_port",
      by: "dee@example.test",
    });

    const entries = await db()
      .select({ outcome: auditLog.outcome, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.action, "webhook.ping"), eq(auditLog.userId, "dee")));
    expect(entries).toEqual([{ outcome: "bad_request", after: null }]);
    const [ok] = await db()
      .select({ outcome: auditLog.outcome, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.action, "webhook.ping"), eq(auditLog.userId, "cy")));
    expect(ok).toEqual({
      outcome: "ok",
      after: { outcome: "failed", httpStatus: 503, latencyMs: 12, messageCode: "failed_status" },
    });
  });

  it("puts each listed webhook's last ping in the list reply", async () => {
    const list = await service.listWebhooks("razorpay", { ...scope, limit: 20 }, "test");
    expect(Object.keys(list.lastPings)).toEqual(["wh_list_1"]);
    expect(list.lastPings.wh_list_1).toMatchObject({ httpStatus: 503, by: "cy@example.test" });
  });
});
