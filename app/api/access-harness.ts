// Test support (not shipped code) for the tests of who may do what at the console API (DESIGN.md
// "Who may do what", issue 7 sections 3 and 4): every route handler called as Next calls it,
// against the bundled sandbox, with the four demo users. Each refused call answers in the envelope
// and never reaches the provider: a latency fault with no delay on every account counts each
// request the sandbox gets (its "record").
import { beforeAll, expect } from "vitest";
import type { Role } from "@/lib/auth/roles";
import { withTestDatabase } from "@/lib/db/testing";
import { getProvider } from "@/lib/providers/registry";
import type { Fault } from "@/lib/sandbox/faults";
import { setTestEnv } from "@/lib/testing/env-mock";
import { consoleOnSandbox, sessionCookie } from "@/lib/testing/routes";
import { SANDBOX_TEST_KEYS } from "@/lib/testing/sandbox";
import type { ProviderId } from "@/lib/webhooks/model";
import * as webhooksRoute from "./[provider]/[account]/webhooks/route";
import * as webhookRoute from "./[provider]/[account]/webhooks/[id]/route";
import * as pingRoute from "./[provider]/[account]/webhooks/[id]/ping/route";

export const roles = ["admin", "support", "merchant", "viewer"] as const satisfies readonly Role[];
export const providers = ["conekta", "razorpay"] as const satisfies readonly ProviderId[];
export type TestProvider = (typeof providers)[number];
export type Which = "own" | "other";

/** `own` is granted to the merchant and the viewer; `other` is not (and is below its limit). */
export const ACCOUNTS: Record<(typeof providers)[number], Record<Which, string>> = {
  conekta: { own: "6595f5005eed000000000004", other: "6594a3805eed000000000003" },
  razorpay: { own: "acc_Ha6Vb2QzPQ9x1K", other: "acc_JkL3mN4pQ5rS6t" },
};
const EVENTS: Record<(typeof providers)[number], [string, string]> = {
  conekta: ["order.paid", "charge.paid"],
  razorpay: ["payment.captured", "payment.failed"],
};
/** The password of the users a test creates. */
export const PASSWORD = "correct-horse-battery";

export const scoped = (provider: TestProvider, account: string) =>
  `/api/${provider}/${account}/webhooks`;

export type Action = "list" | "get" | "create" | "update" | "delete" | "ping";
export const successOf: Record<Action, number> = {
  list: 200,
  get: 200,
  create: 201,
  update: 200,
  delete: 204,
  ping: 200,
};

type CounterInput = Pick<Fault, "provider" | "kind" | "latencyMs"> & { account?: string };

/**
 * For a test file of the access tests (the role matrix, a session needed, same origin): a fresh
 * database, the console on its own sandbox with the demo users seeded, a session cookie per role,
 * and the sandbox's record. The console's configuration reaches `getEnv()` through the file's
 * `vi.mock("@/lib/env")` (lib/testing/env-mock.ts).
 */
export function withAccessConsole() {
  // The database first: the sandbox's set-up seeds the demo users into it.
  const db = withTestDatabase("pglite");
  const sandbox = consoleOnSandbox(setTestEnv, { keys: SANDBOX_TEST_KEYS });
  const cookies = {} as Record<Role, string>;

  beforeAll(async () => {
    for (const role of roles) cookies[role] = await sessionCookie(`${role}@sandbox.test`);
    // The sandbox's record: one counting fault per account in use, then one per provider for any
    // other request (a fault counts the first request that matches it).
    for (const provider of providers) {
      for (const account of Object.values(ACCOUNTS[provider]))
        await addCounter({ provider, account, kind: "latency", latencyMs: 0 });
      await addCounter({ provider, kind: "latency", latencyMs: 0 });
    }
  }, 30_000);

  async function addCounter(fault: CounterInput) {
    const response = await fetch(`${sandbox().url}/__control/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(fault),
    });
    expect(response.status).toBe(201);
  }

  /** How many requests the sandbox got: per provider and account, and in all. */
  async function sandboxHits() {
    const response = await fetch(`${sandbox().url}/__control/faults`);
    const { data } = (await response.json()) as { data: Fault[] };
    const of = (provider: TestProvider, account: string) =>
      data.find((f) => f.provider === provider && f.account === account)?.hits ?? 0;
    return { of, total: data.reduce((sum, f) => sum + f.hits, 0) };
  }

  /** Runs `call` and says how many requests reached the sandbox meanwhile. */
  async function counted<T>(provider: TestProvider, account: string, call: () => Promise<T>) {
    const before = await sandboxHits();
    const result = await call();
    const after = await sandboxHits();
    return {
      result,
      onAccount: after.of(provider, account) - before.of(provider, account),
      total: after.total - before.total,
    };
  }

  let serial = 0;
  const receiverUrl = (what: string) => `${sandbox().url}/receivers/ok/matrix-${what}-${++serial}`;

  /** A webhook made through the adapter (never counted in a cell); its id. */
  async function createFixture(provider: TestProvider, account: string): Promise<string> {
    const created = await getProvider(provider).createWebhook(
      { account, language: "en" },
      { url: receiverUrl("fixture"), events: [EVENTS[provider][0]] },
    );
    return created.id;
  }

  async function removeFixture(provider: TestProvider, account: string, id: string) {
    await getProvider(provider)
      .deleteWebhook({ account, language: "en" }, id)
      .catch(() => undefined); // already deleted by the cell
  }

  /** The request of an action on one account; `id` is an existing webhook there. */
  function requestOf(action: Action, provider: TestProvider, account: string, id: string) {
    const base = scoped(provider, account);
    const params = { provider, account, id };
    switch (action) {
      case "list":
        return { handler: webhooksRoute.GET, method: "GET", path: base, params };
      case "create":
        return {
          handler: webhooksRoute.POST,
          method: "POST",
          path: base,
          params,
          body: JSON.stringify({ url: receiverUrl("create"), events: [EVENTS[provider][0]] }),
        };
      case "get":
        return { handler: webhookRoute.GET, method: "GET", path: `${base}/${id}`, params };
      case "update":
        return {
          handler: webhookRoute.PATCH,
          method: "PATCH",
          path: `${base}/${id}`,
          params,
          body: JSON.stringify({ events: EVENTS[provider] }),
        };
      case "delete":
        return { handler: webhookRoute.DELETE, method: "DELETE", path: `${base}/${id}`, params };
      case "ping":
        return { handler: pingRoute.POST, method: "POST", path: `${base}/${id}/ping`, params };
    }
  }

  return {
    db,
    /** Each demo user's session cookie, by role (set in beforeAll). */
    cookies,
    counted,
    receiverUrl,
    createFixture,
    removeFixture,
    requestOf,
  };
}
