import { beforeAll, expect } from "vitest";
import { withTestDatabase } from "@/lib/db/testing";
import { getProvider } from "@/lib/providers/registry";
import type { ProviderCall } from "@/lib/sandbox/server";
import { setTestEnv } from "@/lib/testing/env-mock";
import { consoleOnSandbox, send, sessionCookie, type Call } from "@/lib/testing/routes";
import { SANDBOX_TEST_KEYS } from "@/lib/testing/sandbox";
import type { WebhookListReply } from "@/lib/webhooks/service";
import * as webhooksRoute from "./[provider]/[account]/webhooks/route";
import * as accountsRoute from "./[provider]/accounts/route";

export const providers = ["conekta", "razorpay"] as const;
export type P = (typeof providers)[number];

/** `own` is granted to the demo viewer; `second` is another account with webhooks of its own. */
export const ACCOUNTS = {
  conekta: { own: "6595f5005eed000000000004", second: "6594a3805eed000000000003" },
  razorpay: { own: "acc_Ha6Vb2QzPQ9x1K", second: "acc_JkL3mN4pQ5rS6t" },
} as const;
export const EVENT: Record<P, string> = { conekta: "order.paid", razorpay: "payment.captured" };

// Twelve Razorpay accounts, so that the accounts list has a second page (ten to a page).
export const EXTRA_ACCOUNTS = Array.from(
  { length: 9 },
  (_, n) => `acc_RefusedTst${String(n).padStart(4, "0")}`,
);
const RAZORPAY_ACCOUNTS = [
  "acc_Ha6Vb2QzPQ9x1K=Tienda Aurora",
  "acc_JkL3mN4pQ5rS6t=Mumbai Spices",
  "acc_Zx8Yw7Vu6Ts5Rq=Empty Books",
  ...EXTRA_ACCOUNTS.map((id, n) => `${id}=Refused ${n}`),
].join(",");

/** Every receiver URL holds this, so that a search finds the webhooks made here. */
export const MARK = "refused-test";

export const base = (provider: string, account: string) => `/api/${provider}/${account}/webhooks`;

/** `GET /api/{provider}/{account}/webhooks{query}` as the user of `cookie`. */
export function listCall(provider: string, account: string, query: string, cookie: string): Call {
  return {
    handler: webhooksRoute.GET,
    method: "GET",
    path: `${base(provider, account)}${query}`,
    params: { provider, account },
    cookie,
  };
}
export const cursorParam = (cursor: string) => `cursor=${encodeURIComponent(cursor)}`;

/**
 * For the API's route tests on webhooks made for them (./refused.test.ts,
 * ./cursor-paging.test.ts): the console on a fresh database and the bundled sandbox, with the
 * twelve Razorpay accounts, the demo admin signed in, and three webhooks made in each provider's
 * `own` account; `makeWebhooks` makes them in another. The file mocks `@/lib/env` as
 * lib/testing/env-mock.ts says.
 */
export function withWebhooksOnSandbox() {
  // The database first: the sandbox's set-up seeds the demo users into it.
  withTestDatabase("pglite");
  const sandbox = consoleOnSandbox(setTestEnv, {
    keys: SANDBOX_TEST_KEYS,
    env: { RAZORPAY_ACCOUNTS },
  });

  let admin = "";
  /** A webhook of each provider's `own` account, for the calls that name one. */
  const hookId = {} as Record<P, string>;
  let serial = 0;
  const receiverUrl = () => `${sandbox().url}/receivers/ok/${MARK}-${++serial}`;

  /** Makes three webhooks in the account; their ids. */
  async function makeWebhooks(provider: P, account: string): Promise<string[]> {
    const ids: string[] = [];
    for (let n = 0; n < 3; n++) {
      const created = await getProvider(provider).createWebhook(
        { account, language: "en" },
        { url: receiverUrl(), events: [EVENT[provider]] },
      );
      ids.push(created.id);
    }
    return ids;
  }

  beforeAll(async () => {
    admin = await sessionCookie("admin@sandbox.test");
    for (const provider of providers)
      hookId[provider] = (await makeWebhooks(provider, ACCOUNTS[provider].own)).at(-1) ?? "";
  }, 60_000);

  const list = (provider: string, account: string, query = "") =>
    listCall(provider, account, query, admin);

  function accounts(provider: string, query = ""): Call {
    return {
      handler: accountsRoute.GET,
      method: "GET",
      path: `/api/${provider}/accounts${query}`,
      params: { provider },
      cookie: admin,
    };
  }

  async function json<T>(call: Call): Promise<T> {
    const response = await send(call);
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as T;
  }

  const listPage = (call: Call) => json<WebhookListReply>(call);

  /** The provider API requests the sandbox got while `run` ran. */
  async function providerCallsDuring<T>(run: () => Promise<T>) {
    const calls = `${sandbox().url}/__control/calls`;
    const read = async (after: number) =>
      (await (await fetch(`${calls}?after=${after}`)).json()) as {
        last: number;
        data: ProviderCall[];
      };
    const { last } = await read(Number.MAX_SAFE_INTEGER);
    const result = await run();
    return { result, calls: (await read(last)).data };
  }

  return {
    /** The demo admin's session cookie. */
    admin: () => admin,
    hookId,
    makeWebhooks,
    list,
    accounts,
    json,
    listPage,
    providerCallsDuring,
  };
}
