// The access matrix (access-harness.ts): each role, each action, on an account granted to it and on
// another, on both providers; and which accounts each role is listed.
import { describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/auth/roles";
import { getProvider } from "@/lib/providers/registry";
import { SANDBOX_RAZORPAY_ACCOUNTS } from "@/lib/sandbox/defaults";
import { envelope, send } from "@/lib/testing/routes";
import { accountPageSchema } from "@/lib/webhooks/model";
import * as accountsRoute from "./[provider]/accounts/route";
import {
  ACCOUNTS,
  providers,
  roles,
  successOf,
  withAccessConsole,
  type Action,
  type Which,
} from "./access-harness";

// The console's configuration, pointed at this file's sandbox once it listens.
vi.mock("@/lib/env", async (importOriginal) =>
  (await import("@/lib/testing/env-mock")).withTestEnv(importOriginal),
);

const { cookies, counted, createFixture, removeFixture, requestOf } = withAccessConsole();

const actions = ["list", "get", "create", "update", "delete", "ping"] as const;
const reads: readonly Action[] = ["list", "get"];

function allowed(role: Role, action: Action, which: Which): boolean {
  if (role === "admin" || role === "support") return true;
  if (which === "other") return false;
  return role === "merchant" || reads.includes(action);
}

const cells = roles.flatMap((role) =>
  actions.flatMap((action) =>
    (["own", "other"] as const).flatMap((which) =>
      providers.map((provider) => {
        const may = allowed(role, action, which);
        const status = may ? successOf[action] : 403;
        return {
          name: `${role} ${may ? "may" : "may not"} ${action} on ${which} ${provider} account → ${status}`,
          role,
          action,
          which,
          provider,
          status,
        };
      }),
    ),
  ),
);

describe("the access matrix: role × action × own/other account × provider", () => {
  it("has every cell", () => {
    expect(cells).toHaveLength(4 * 6 * 2 * 2);
  });

  it.each(cells)("$name", async ({ role, action, which, provider, status }) => {
    const account = ACCOUNTS[provider][which];
    const fixture = await createFixture(provider, account);
    try {
      const {
        result: response,
        onAccount,
        total,
      } = await counted(provider, account, () =>
        send({ ...requestOf(action, provider, account, fixture), cookie: cookies[role] }),
      );
      if (status === 403) {
        expect(response.status).toBe(403);
        expect((await envelope(response)).code).toBe("forbidden");
        expect(onAccount).toBe(0);
        expect(total).toBe(0);
        return;
      }
      expect(response.status, await response.clone().text()).toBe(status);
      expect(onAccount).toBeGreaterThan(0);
      if (action === "create") {
        const created = (await response.json()) as { id: string };
        await removeFixture(provider, account, created.id);
      }
    } finally {
      await removeFixture(provider, account, fixture);
    }
  });

  const accountCells = roles.flatMap((role) =>
    providers.map((provider) => ({
      name: `${role} lists ${provider} accounts → ${role === "merchant" || role === "viewer" ? "only the granted one" : "the provider's list"}`,
      role,
      provider,
    })),
  );

  it.each(accountCells)("$name", async ({ role, provider }) => {
    const { result: response, total } = await counted(provider, "", () =>
      send({
        handler: accountsRoute.GET,
        method: "GET",
        path: `/api/${provider}/accounts`,
        params: { provider },
        cookie: cookies[role],
      }),
    );
    expect(response.status).toBe(200);
    const { data } = accountPageSchema.parse(await response.json());
    const ids = data.map((a) => a.id);
    if (role === "merchant" || role === "viewer") {
      expect(ids).toEqual([ACCOUNTS[provider].own]);
      // A granted list is the console's own; the provider is not asked for anyone else's.
      expect(total).toBe(0);
    } else {
      const atProvider = await getProvider(provider).listAccounts({ language: "en" });
      expect(ids).toEqual(atProvider.data.map((a) => a.id));
      if (provider === "razorpay") expect(ids).toEqual(SANDBOX_RAZORPAY_ACCOUNTS.map((a) => a.id));
      else expect(ids).toContain("default");
    }
  });
});
