// A session is needed (access-harness.ts): every API route but sign-in, called without a session,
// with a tampered one, a disabled user's or a signed-out one, is a 401 that never reaches the
// provider.
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { createUser } from "@/lib/auth/users";
import { session as sessionTable, user as userTable } from "@/lib/db/schema";
import { SANDBOX_PASSWORD } from "@/lib/sandbox/defaults";
import { envelope, send, sessionCookie, type Call } from "@/lib/testing/routes";
import type { ProviderId } from "@/lib/webhooks/model";
import * as accountsRoute from "./[provider]/accounts/route";
import * as eventsRoute from "./[provider]/events/route";
import * as meRoute from "./me/route";
import * as passwordRoute from "./auth/password/route";
import * as signOutRoute from "./auth/sign-out/route";
import { ACCOUNTS, PASSWORD, withAccessConsole, type TestProvider } from "./access-harness";

// The console's configuration, pointed at this file's sandbox once it listens.
vi.mock("@/lib/env", async (importOriginal) =>
  (await import("@/lib/testing/env-mock")).withTestEnv(importOriginal),
);

const { db, cookies, counted, createFixture, removeFixture, requestOf } = withAccessConsole();

/** Every API route but sign-in, each called as a browser page would (same origin, JSON). */
const everyRoute: Record<string, (provider: TestProvider, account: string, id: string) => Call> = {
  "GET /api/{provider}/accounts": (provider) => requestOfAccounts(provider),
  "GET /api/{provider}/events": (provider) => ({
    handler: eventsRoute.GET,
    method: "GET",
    path: `/api/${provider}/events`,
    params: { provider },
  }),
  "GET …/webhooks": (...at) => requestOf("list", ...at),
  "POST …/webhooks": (...at) => requestOf("create", ...at),
  "GET …/webhooks/{id}": (...at) => requestOf("get", ...at),
  "PATCH …/webhooks/{id}": (...at) => requestOf("update", ...at),
  "DELETE …/webhooks/{id}": (...at) => requestOf("delete", ...at),
  "POST …/webhooks/{id}/ping": (...at) => requestOf("ping", ...at),
  "GET /api/me": () => ({ handler: meRoute.GET, method: "GET", path: "/api/me" }),
  "POST /api/auth/sign-out": () => ({
    handler: signOutRoute.POST,
    method: "POST",
    path: "/api/auth/sign-out",
  }),
  "POST /api/auth/password": () => ({
    handler: passwordRoute.POST,
    method: "POST",
    path: "/api/auth/password",
    body: JSON.stringify({ currentPassword: SANDBOX_PASSWORD, newPassword: "a-new-password-1" }),
  }),
};

function requestOfAccounts(provider: ProviderId) {
  return {
    handler: accountsRoute.GET,
    method: "GET",
    path: `/api/${provider}/accounts`,
    params: { provider },
  };
}

function tamper(cookie: string): string {
  const tail = cookie.endsWith("AAAA") ? "BBBB" : "AAAA";
  return cookie.slice(0, -4) + tail;
}

describe("a session is needed", () => {
  const provider = "razorpay";
  const account = ACCOUNTS.razorpay.own;

  const routes = Object.keys(everyRoute);

  it.each(routes)("%s without a session → 401, nothing sent", async (name) => {
    const fixture = await createFixture(provider, account);
    try {
      const call = everyRoute[name]?.(provider, account, fixture);
      if (!call) throw new Error(name);
      const { result: response, total } = await counted(provider, account, () => send(call));
      expect(response.status).toBe(401);
      expect((await envelope(response)).code).toBe("unauthorized");
      expect(total).toBe(0);
    } finally {
      await removeFixture(provider, account, fixture);
    }
  });

  it.each(routes)("%s with a tampered session cookie → 401, nothing sent", async (name) => {
    const fixture = await createFixture(provider, account);
    try {
      const call = everyRoute[name]?.(provider, account, fixture);
      if (!call) throw new Error(name);
      const cookie = tamper(cookies.admin);
      const { result: response, total } = await counted(provider, account, () =>
        send({ ...call, cookie }),
      );
      expect(response.status).toBe(401);
      expect((await envelope(response)).code).toBe("unauthorized");
      expect(total).toBe(0);
    } finally {
      await removeFixture(provider, account, fixture);
    }
  });

  it("a disabled user's live session stops working at once", async () => {
    const email = "disabled-at-once@example.test";
    const { id } = await createUser({
      email,
      name: "Soon Disabled",
      role: "merchant",
      password: PASSWORD,
      grants: [{ provider, account, accountName: "Tienda Aurora" }],
    });
    const cookie = await sessionCookie(email, PASSWORD);
    const me = { handler: meRoute.GET, method: "GET", path: "/api/me", cookie };
    const list = { ...requestOf("list", provider, account, ""), cookie };
    expect((await send(me)).status).toBe(200);
    expect((await send(list)).status).toBe(200);

    // Only the flag: the session row stays, and must not be enough.
    await db().update(userTable).set({ disabled: true }).where(eq(userTable.id, id));
    expect(await db().select().from(sessionTable).where(eq(sessionTable.userId, id))).toHaveLength(
      1,
    );
    const { result: refused, total } = await counted(provider, account, () => send(list));
    expect(refused.status).toBe(401);
    expect((await envelope(refused)).code).toBe("unauthorized");
    expect(total).toBe(0);
    expect((await send(me)).status).toBe(401);
  });

  it("a signed-out session is refused", async () => {
    const cookie = await sessionCookie("support@sandbox.test");
    const out = await send({
      handler: signOutRoute.POST,
      method: "POST",
      path: "/api/auth/sign-out",
      cookie,
    });
    expect(out.status).toBe(204);
    const me = await send({ handler: meRoute.GET, method: "GET", path: "/api/me", cookie });
    expect(me.status).toBe(401);
  });
});
