import { asc } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify";
import type { Actor } from "@/lib/auth/session";
import { auditLog } from "@/lib/db/schema";
import { engines, withTestDatabase } from "@/lib/db/testing";
import { AppError } from "@/lib/http/errors";
import type { ProviderAdapter } from "@/lib/providers/types";
import type { Webhook } from "./model";
import * as service from "./service";

// The service with an in-memory Razorpay-shaped adapter behind it: what reaches the audit log.
const provider = vi.hoisted(() => ({ adapter: undefined as ProviderAdapter | undefined }));
vi.mock("@/lib/providers/registry", () => ({
  getProvider: () => provider.adapter,
  listProviders: () => (provider.adapter ? [provider.adapter] : []),
}));
vi.mock("@/lib/env", () => ({ getEnv: () => ({ sandbox: false, timeoutMs: 2000 }) }));

const ACCOUNT = "acc_Ha6Vb2QzPQ9x1K";
const scope = { account: ACCOUNT, language: "en" as const };
const actor: Actor = {
  user: { id: "u1", email: "m@example.test", name: "M", role: "merchant", accounts: "all" },
  requestId: "req-7",
  ip: null,
  userAgent: null,
};

function fakeAdapter(): ProviderAdapter {
  const hooks = new Map<string, Webhook>();
  const get = (id: string) => {
    const hook = hooks.get(id);
    if (!hook) throw AppError.of("not_found", "internal");
    return hook;
  };
  const fail = () => Promise.reject(new Error("not used"));
  return {
    id: "razorpay",
    displayName: "Razorpay",
    webhookLimit: 30,
    listAccounts: fail,
    assertAccount: () => Promise.resolve(),
    getAccount: ({ account }) =>
      Promise.resolve({ id: account, name: account, provider: "razorpay" }),
    eventCatalogue: () => [{ id: "payment", events: ["payment.captured", "payment.failed"] }],
    listWebhooks: fail,
    countWebhooks: () => Promise.resolve(hooks.size),
    getWebhook: (_, id) => Promise.resolve(get(id)),
    createWebhook: (_, input) => {
      if (input.url.includes("limit")) return Promise.reject(AppError.of("conflict", "internal"));
      const hook: Webhook = {
        id: `wh_${hooks.size + 1}`,
        provider: "razorpay",
        account: ACCOUNT,
        url: input.url.replace(/\/\/[^@/]*@/, "//****:****@"),
        events: input.events,
        active: true,
        status: null,
        hasSecret: Boolean(input.secret),
        alertEmail: input.alertEmail ?? null,
        createdAt: null,
        updatedAt: null,
      };
      hooks.set(hook.id, hook);
      return Promise.resolve(hook);
    },
    updateWebhook: (_, id, input) => {
      const { secret, ...rest } = input;
      const hook = { ...get(id), ...rest, hasSecret: secret ? true : get(id).hasSecret };
      hooks.set(id, hook);
      return Promise.resolve(hook);
    },
    deleteWebhook: (_, id) => {
      get(id);
      hooks.delete(id);
      return Promise.resolve();
    },
    pingWebhook: fail,
  };
}

describe.each(engines)("the webhook service audits every change on %s", (engine) => {
  const db = withTestDatabase(engine);
  const entries = () => db().select().from(auditLog).orderBy(asc(auditLog.seq));

  it("records create, edit, disable, enable and delete with before and after, never the secret", async () => {
    provider.adapter = fakeAdapter();
    const url = "https://u:pw@hooks.example.com/in";
    const created = await service.createWebhook(
      "razorpay",
      scope,
      { url, events: ["payment.captured"], secret: "whsec_never_stored" },
      actor,
    );
    const base = { url: created.url, events: created.events, alertEmail: null };
    await service.updateWebhook(
      "razorpay",
      scope,
      created.id,
      { ...base, events: ["payment.failed"] },
      actor,
    );
    await service.updateWebhook(
      "razorpay",
      scope,
      created.id,
      { ...base, events: ["payment.failed"], active: false },
      actor,
    );
    await service.updateWebhook("razorpay", scope, created.id, { active: true }, actor);
    await service.deleteWebhook("razorpay", scope, created.id, actor);

    const rows = await entries();
    expect(rows.map((r) => [r.action, r.outcome])).toEqual([
      ["webhook.create", "ok"],
      ["webhook.update", "ok"],
      ["webhook.disable", "ok"],
      ["webhook.enable", "ok"],
      ["webhook.delete", "ok"],
    ]);
    expect(rows[0]).toMatchObject({
      provider: "razorpay",
      account: ACCOUNT,
      webhookId: null,
      userEmail: "m@example.test",
      role: "merchant",
      requestId: "req-7",
      before: null,
      after: { id: created.id, url: "https://****:****@hooks.example.com/in", hasSecret: true },
    });
    expect(rows[1]).toMatchObject({
      webhookId: created.id,
      before: { events: ["payment.captured"] },
      after: { events: ["payment.failed"] },
    });
    expect(rows[4]).toMatchObject({ before: { id: created.id, active: true }, after: null });
    expect(JSON.stringify(rows)).not.toContain("whsec_never_stored");
    expect(JSON.stringify(rows)).not.toContain(":pw@");
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
  });

  it("records a provider's refusal with its error code and what was asked for", async () => {
    provider.adapter = fakeAdapter();
    const error = await service
      .createWebhook(
        "razorpay",
        scope,
        { url: "https://limit.example.com/in", events: ["payment.captured"] },
        actor,
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    const last = (await entries()).at(-1);
    expect(last).toMatchObject({
      action: "webhook.create",
      outcome: "conflict",
      after: { url: "https://limit.example.com/in" },
    });
  });

  it("writes nothing for a request refused before any provider call", async () => {
    provider.adapter = fakeAdapter();
    const count = (await entries()).length;
    await expect(
      service.createWebhook("razorpay", scope, { url: "not a url", events: [] }, actor),
    ).rejects.toThrow();
    expect(await entries()).toHaveLength(count);
  });
});
