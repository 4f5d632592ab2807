import { asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { auditLog } from "@/lib/db/schema";
import { withTestDatabase } from "@/lib/db/testing";
import { AppError } from "@/lib/http/errors";
import { createConektaAdapter } from "@/lib/providers/conekta/adapter";
import { createRazorpayAdapter } from "@/lib/providers/razorpay/adapter";
import type { ProviderAdapter } from "@/lib/providers/types";
import { CONEKTA_SEED } from "@/lib/sandbox/conekta/seed";
import { SANDBOX_RAZORPAY_ACCOUNTS } from "@/lib/sandbox/defaults";
import type { FaultInput } from "@/lib/sandbox/faults";
import { faultSchema } from "@/lib/sandbox/faults";
import { RAZORPAY_SEED } from "@/lib/sandbox/razorpay/seed";
import { failure, SANDBOX_TEST_KEYS, useSandbox } from "@/lib/testing/sandbox";
import type { ProviderId, Webhook } from "./model";
import { createOrAdopt } from "./reconcile";
import * as service from "./service";

// The service with the real adapters in front of the sandbox, whose fault drops the reply of a
// create after storing it: the service must hand back that webhook and never make a second one.
const registry = vi.hoisted(() => {
  const adapters: Record<string, ProviderAdapter> = {};
  return { adapters };
});
vi.mock("@/lib/providers/registry", () => ({
  getProvider: (id: string) => registry.adapters[id],
  listProviders: () => Object.values(registry.adapters),
}));
vi.mock("@/lib/env", () => ({ getEnv: () => ({ sandbox: false, timeoutMs: 2000 }) }));

const actor: Actor = {
  user: { id: "u1", email: "m@example.test", name: "M", role: "merchant", accounts: "all" },
  requestId: "req-reconcile",
  ip: null,
  userAgent: null,
};

interface Case {
  provider: ProviderId;
  account: string;
  events: string[];
  /** The create's path below the provider prefix, for the fault. */
  createPath: string;
}

const cases: [string, Case][] = [
  [
    "Conekta 2.1.0 (create, then an update for the events)",
    {
      provider: "conekta",
      account: CONEKTA_SEED.emptyChildId,
      events: ["order.paid", "charge.paid"],
      createPath: "^/webhooks$",
    },
  ],
  [
    "Razorpay",
    {
      provider: "razorpay",
      account: RAZORPAY_SEED.accounts.empty,
      events: ["payment.captured"],
      createPath: "^/v2/accounts/[^/]+/webhooks$",
    },
  ],
];

// The audit log is written the same way on both engines (service-audit.test.ts runs both); one
// is enough for what this file is about.
describe("a create whose reply was lost", () => {
  const sandbox = useSandbox();
  const db = withTestDatabase("pglite");
  let n = 0;

  /** What the adapters' createWebhook did: each call's outcome, so a test knows the reply was lost. */
  let creates: ("ok" | "failed")[] = [];
  const watched = (adapter: ProviderAdapter): ProviderAdapter => ({
    ...adapter,
    createWebhook: (scope, input) =>
      adapter.createWebhook(scope, input).then(
        (webhook) => {
          creates.push("ok");
          return webhook;
        },
        (error: unknown) => {
          creates.push("failed");
          throw error;
        },
      ),
  });

  beforeEach(() => {
    sandbox().reset();
    creates = [];
    const adapters: Record<string, ProviderAdapter> = {
      conekta: createConektaAdapter({
        apiKey: SANDBOX_TEST_KEYS.conektaApiKey,
        apiBase: `${sandbox().url}/conekta`,
        apiVersion: "2.1.0",
        timeoutMs: 2000,
      }),
      razorpay: createRazorpayAdapter({
        keyId: SANDBOX_TEST_KEYS.razorpayKeyId,
        keySecret: SANDBOX_TEST_KEYS.razorpayKeySecret,
        apiBase: `${sandbox().url}/razorpay`,
        timeoutMs: 2000,
        accounts: SANDBOX_RAZORPAY_ACCOUNTS.map((a) => ({ ...a })),
        allowPrivatePingTargets: true,
      }),
    };
    registry.adapters = Object.fromEntries(
      Object.entries(adapters).map(([id, adapter]) => [id, watched(adapter)]),
    );
  });

  const fault = (c: Case, kind: FaultInput["kind"]) =>
    sandbox().faults.add(
      faultSchema.parse({
        provider: c.provider,
        method: "POST",
        path: c.createPath,
        account: c.account,
        kind,
        times: 1,
      }),
    );
  /** The account's webhooks with this URL, as a fresh list shows them (the fault is spent). */
  const withUrl = async (c: Case, url: string) => {
    const page = await registry.adapters[c.provider]?.listWebhooks({
      account: c.account,
      language: "en",
      limit: 100,
    });
    return (page?.data ?? []).filter((w) => w.url === url);
  };
  const create = (c: Case, url: string) =>
    service.createWebhook(
      c.provider,
      { account: c.account, language: "en" },
      { url, events: c.events },
      actor,
    );

  describe.each(cases)("on %s", (_, c) => {
    it("returns the webhook the provider stored, and the account holds exactly one with that URL", async () => {
      const url = `https://hooks.example.com/reconcile/${c.provider}/${++n}`;
      fault(c, "reset-after");

      const created = await create(c, url);
      // One call to the adapter, and it failed: the service found the webhook, nothing re-sent it.
      expect(creates).toEqual(["failed"]);
      expect(created).toMatchObject({ url, account: c.account });
      expect([...created.events].sort()).toEqual([...c.events].sort());

      const stored = await withUrl(c, url);
      expect(stored.map((w) => w.id)).toEqual([created.id]);
      expect([...(stored[0]?.events ?? [])].sort()).toEqual([...c.events].sort());

      // Audited as a create the console had to ask the provider about, with the webhook as it is.
      const rows = await db()
        .select()
        .from(auditLog)
        .where(eq(auditLog.requestId, actor.requestId))
        .orderBy(asc(auditLog.seq));
      const last = rows.at(-1);
      expect(last).toMatchObject({ action: "webhook.create", outcome: "reconciled" });
      expect(last?.after).toMatchObject({ id: created.id, url });
    });

    it("adopts the new webhook, not an older one with the same URL", async () => {
      const url = `https://hooks.example.com/reconcile/${c.provider}/${++n}`;
      const first = await create(c, url);
      fault(c, "reset-after");

      const second = await create(c, url);
      expect(creates).toEqual(["ok", "failed"]);
      expect(second.id).not.toBe(first.id);
      expect((await withUrl(c, url)).map((w) => w.id).sort()).toEqual([first.id, second.id].sort());
    });

    it("still fails when the connection dropped before anything was stored, and creates nothing", async () => {
      const url = `https://hooks.example.com/reconcile/${c.provider}/${++n}`;
      fault(c, "reset");

      const error = await failure(create(c, url));
      expect(error).toMatchObject({ code: "provider_error", status: 502 });
      expect(await withUrl(c, url)).toEqual([]);
    });
  });
});

describe("createOrAdopt with a provider that timed out after storing", () => {
  const scope = { account: "acc_1", language: "en" as const };
  const input = { url: "https://hooks.example.com/slow", events: ["payment.captured"] };

  function storingAdapter(options: { stores?: number; listFails?: boolean } = {}) {
    const hooks: Webhook[] = [];
    let posts = 0;
    const store = () => {
      hooks.push({
        id: `wh_${hooks.length + 1}`,
        provider: "razorpay",
        account: scope.account,
        url: input.url,
        events: input.events,
        active: true,
        status: null,
        hasSecret: false,
        alertEmail: null,
        createdAt: null,
        updatedAt: null,
      });
    };
    const adapter = {
      listWebhooks: () =>
        options.listFails
          ? Promise.reject(AppError.of("provider_error", "internal"))
          : Promise.resolve({
              data: [...hooks],
              page: { next: null, previous: null, hasMore: false },
            }),
      createWebhook: () => {
        posts += 1;
        for (let n = 0; n < (options.stores ?? 1); n++) store();
        return Promise.reject(
          AppError.of("provider_timeout", "providerTimeout", { provider: "X" }),
        );
      },
    } as unknown as ProviderAdapter;
    return { adapter, hooks, posts: () => posts };
  }

  it("adopts the stored webhook after a timeout, with one POST", async () => {
    const { adapter, posts } = storingAdapter();
    await expect(createOrAdopt(adapter, scope, input)).resolves.toMatchObject({
      value: { id: "wh_1" },
      reconciled: true,
    });
    expect(posts()).toBe(1);
  });

  const mayExist = {
    code: "provider_timeout",
    message: expect.stringContaining("could not tell whether it stored the webhook") as unknown,
  };

  it("says the webhook may exist when two new webhooks have the URL (which one is ours is unknown)", async () => {
    const { adapter } = storingAdapter({ stores: 2 });
    await expect(createOrAdopt(adapter, scope, input)).rejects.toMatchObject(mayExist);
  });

  it("says the webhook may exist when the list before the create failed (nothing to compare with)", async () => {
    const { adapter, posts } = storingAdapter({ listFails: true });
    await expect(createOrAdopt(adapter, scope, input)).rejects.toMatchObject(mayExist);
    expect(posts()).toBe(1);
  });

  it("says the webhook may exist when nothing shows yet after a timeout (the provider may still store it)", async () => {
    const { adapter } = storingAdapter({ stores: 0 });
    await expect(createOrAdopt(adapter, scope, input)).rejects.toMatchObject(mayExist);
  });
});
