// Signing in at the console API, with the four demo users: a wrong password, the session cookie, the
// limit on failures, a disabled user, a cross-site sign-in and a malformed email. Sign-in never
// reaches a provider, so no sandbox runs.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { seedSandboxUsers } from "@/lib/auth/seed-sandbox";
import { createUser } from "@/lib/auth/users";
import { session as sessionTable, user as userTable } from "@/lib/db/schema";
import { withTestDatabase } from "@/lib/db/testing";
import { parseEnv } from "@/lib/env";
import { SANDBOX_PASSWORD } from "@/lib/sandbox/defaults";
import { setTestEnv } from "@/lib/testing/env-mock";
import { envelope, send } from "@/lib/testing/routes";
import * as meRoute from "./me/route";
import * as signInRoute from "./auth/sign-in/route";
import { PASSWORD } from "./access-harness";

// The console's configuration: on the sandbox, which need not listen.
vi.mock("@/lib/env", async (importOriginal) =>
  (await import("@/lib/testing/env-mock")).withTestEnv(importOriginal),
);

// The database first: the demo users are seeded into it.
const db = withTestDatabase("pglite");

beforeAll(async () => {
  setTestEnv(parseEnv({ NODE_ENV: "test", SANDBOX: "on" }));
  await seedSandboxUsers();
}, 30_000);

function signIn(body: unknown, headers: Record<string, string> = {}) {
  return send({
    handler: signInRoute.POST,
    method: "POST",
    path: "/api/auth/sign-in",
    body: JSON.stringify(body),
    headers,
  });
}

describe("sign-in", () => {
  it("a wrong password → 401 in the envelope, and no cookie", async () => {
    const response = await signIn({ email: "viewer@sandbox.test", password: "wrong-password" });
    expect(response.status).toBe(401);
    expect((await envelope(response)).code).toBe("unauthorized");
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("sets an HttpOnly, SameSite=Lax session cookie, not Secure over http", async () => {
    const response = await signIn({ email: "Admin@Sandbox.test ", password: SANDBOX_PASSWORD });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ email: "admin@sandbox.test", role: "admin" });
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("wc.session_token="));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).not.toMatch(/;\s*Secure/i);
    const me = await send({
      handler: meRoute.GET,
      method: "GET",
      path: "/api/me",
      cookie: cookie?.split(";")[0],
    });
    expect(me.status).toBe(200);
  });

  it("5 failures for one email → the 6th attempt, even with the right password, gets 429", async () => {
    const email = "locked-out@example.test";
    await createUser({ email, name: "Locked Out", role: "viewer", password: PASSWORD });
    for (let i = 0; i < 5; i++) {
      const failed = await signIn({ email, password: `wrong-${i}` });
      expect(failed.status).toBe(401);
    }
    const sixth = await signIn({ email: email.toUpperCase(), password: PASSWORD });
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await envelope(sixth)).code).toBe("rate_limited");
    expect(sixth.headers.get("set-cookie")).toBeNull();
  });

  it("failures sent all at once are limited too: no more than 5 are tried", async () => {
    const email = "in-parallel@example.test";
    await createUser({ email, name: "In Parallel", role: "viewer", password: PASSWORD });
    const replies = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signIn({ email, password: `wrong-${i}` })),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect((await signIn({ email, password: PASSWORD })).status).toBe(429);
  });

  it("a disabled user cannot sign in, even with the right password", async () => {
    const email = "disabled@example.test";
    const { id } = await createUser({ email, name: "Disabled", role: "admin", password: PASSWORD });
    await db().update(userTable).set({ disabled: true }).where(eq(userTable.id, id));
    const response = await signIn({ email, password: PASSWORD });
    expect(response.status).toBe(401);
    expect((await envelope(response)).code).toBe("unauthorized");
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(await db().select().from(sessionTable).where(eq(sessionTable.userId, id))).toEqual([]);
  });

  it("a cross-site sign-in is refused (no login CSRF)", async () => {
    const response = await signIn(
      { email: "admin@sandbox.test", password: SANDBOX_PASSWORD },
      { origin: "https://evil.example" },
    );
    expect(response.status).toBe(403);
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it.each(["not-an-email", "a@", "@sandbox.test", "viewer@@sandbox.test", ""])(
    "a malformed email %j → 422 naming the field",
    async (email) => {
      const response = await signIn({ email, password: "whatever" });
      expect([400, 422]).toContain(response.status);
      const error = await envelope(response);
      if (response.status === 422) expect(error.fields?.email?.length).toBeGreaterThan(0);
    },
  );
});
