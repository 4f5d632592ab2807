import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as accountsRoute from "@/app/api/users/[id]/accounts/route";
import * as resetRoute from "@/app/api/users/[id]/password-reset/route";
import * as userRoute from "@/app/api/users/[id]/route";
import { getSessionUser } from "@/lib/auth/session";
import { auditLog, session, user } from "@/lib/db/schema";
import { engines, withTestDatabase } from "@/lib/db/testing";
import type { ProviderAdapter } from "@/lib/providers/types";
import { CONEKTA_SEED } from "@/lib/sandbox/conekta/seed";
import { useSandbox } from "@/lib/testing/sandbox";
import { oneTimePasswordReplySchema, userSchema } from "./model";
import { call, errorOf, PASSWORD, sandboxAdapters, signIn, signedInUser } from "./testing";

const providers = vi.hoisted(() => ({ adapters: new Map<string, ProviderAdapter>() }));
vi.mock("@/lib/providers/registry", async () => {
  const { AppError } = await import("@/lib/http/errors");
  return {
    getProvider: (id: string) => {
      const adapter = providers.adapters.get(id);
      if (!adapter) throw AppError.of("not_found", "providerNotConfigured", { provider: id });
      return adapter;
    },
    listProviders: () => [...providers.adapters.values()],
  };
});

const AURORA = { provider: "razorpay", account: "acc_Ha6Vb2QzPQ9x1K", name: "Tienda Aurora" };
const SPICES = { provider: "razorpay", account: "acc_JkL3mN4pQ5rS6t", name: "Mumbai Spices" };
const FARMACIA = { provider: "conekta", account: CONEKTA_SEED.emptyChildId, name: "Farmacia Roma" };
const ref = ({ provider, account }: { provider: string; account: string }) => ({
  provider,
  account,
});

describe.each(engines)("changing users on %s", (engine) => {
  const db = withTestDatabase(engine);
  const sandbox = useSandbox();
  type Signed = Awaited<ReturnType<typeof signedInUser>>;
  let admin: Signed;

  beforeAll(() => {
    for (const adapter of sandboxAdapters(sandbox().url))
      providers.adapters.set(adapter.id, adapter);
  });
  beforeEach(async () => {
    // Every test starts with one enabled admin: the caller.
    await db().update(user).set({ role: "viewer" }).where(eq(user.role, "admin"));
    admin = await signedInUser("admin");
  });

  const patch = (
    target: { id: string },
    body: unknown,
    options: { cookie?: string; language?: string } = {},
  ) =>
    call(userRoute.PATCH, {
      method: "PATCH",
      path: `/api/users/${target.id}`,
      params: { id: target.id },
      body,
      cookie: admin.cookie,
      ...options,
    });
  const putAccounts = (target: { id: string }, accounts: unknown) =>
    call(accountsRoute.PUT, {
      method: "PUT",
      path: `/api/users/${target.id}/accounts`,
      params: { id: target.id },
      body: { accounts },
      cookie: admin.cookie,
    });
  const actions = async (outcome: string) =>
    (await db().select().from(auditLog).where(eq(auditLog.outcome, outcome))).map((e) => e.action);

  it("gets one user and 404s an unknown id; only an admin may", async () => {
    const viewer = await signedInUser("viewer", [{ ...ref(AURORA), accountName: AURORA.name }]);
    const reply = await call(userRoute.GET, { cookie: admin.cookie, params: { id: viewer.id } });
    expect(userSchema.parse(reply.json)).toMatchObject({ email: viewer.email, accounts: [AURORA] });
    const missing = await call(userRoute.GET, { cookie: admin.cookie, params: { id: "nope" } });
    expect(missing.status).toBe(404);
    expect(errorOf(missing).message).toBe("There is no such user.");
    const merchant = await signedInUser("merchant");
    expect((await patch(viewer, { role: "admin" }, { cookie: merchant.cookie })).status).toBe(403);
    expect(
      (await call(userRoute.GET, { cookie: viewer.cookie, params: { id: viewer.id } })).status,
    ).toBe(403);
  });

  it("changes name and role, recording each change", async () => {
    const target = await signedInUser("viewer");
    const reply = await patch(target, { name: "Vera Merchant", role: "merchant" });
    expect(reply.status).toBe(200);
    expect(userSchema.parse(reply.json)).toMatchObject({ name: "Vera Merchant", role: "merchant" });
    // The next request sees the new role at once: it is read from the database every time.
    expect(await getSessionUser(new Headers({ cookie: target.cookie }))).toMatchObject({
      role: "merchant",
      accounts: [],
    });
    const [roleChange] = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "user.role_change"));
    expect(roleChange).toMatchObject({
      outcome: "ok",
      userId: admin.id,
      before: { user: { id: target.id }, role: "viewer" },
      after: { user: { id: target.id }, role: "merchant" },
    });
    expect(await actions("ok")).toEqual(
      expect.arrayContaining(["user.update", "user.role_change"]),
    );
  });

  it("refuses to demote the last enabled admin with a 409, changing nothing", async () => {
    const other = await signedInUser("support");
    const demote = await patch(admin, { role: "support" });
    expect(demote.status).toBe(409);
    expect(errorOf(demote).message).toBe(
      `${admin.email} is the last enabled admin, so they cannot be demoted or disabled. Make another user an admin first.`,
    );
    const spanish = await patch(admin, { role: "viewer" }, { language: "es" });
    expect(errorOf(spanish).message).toMatch(/^.* es el último administrador activo/);
    expect((await db().select().from(user).where(eq(user.id, admin.id)))[0]?.role).toBe("admin");
    expect(await actions("conflict")).toContain("user.role_change");

    // With a second enabled admin, the first may step down.
    expect((await patch(other, { role: "admin" })).status).toBe(200);
    expect((await patch(admin, { role: "support" })).status).toBe(200);
  });

  it("does not count a disabled admin as the one that remains", async () => {
    const second = await signedInUser("admin");
    expect((await patch(second, { disabled: true })).status).toBe(200);
    expect((await patch(admin, { role: "viewer" })).status).toBe(409);
  });

  it("refuses an admin disabling themselves with a 409", async () => {
    await signedInUser("admin");
    const reply = await patch(admin, { disabled: true });
    expect(reply.status).toBe(409);
    expect(errorOf(reply).message).toBe("You cannot disable yourself. Ask another admin to do it.");
    expect(await getSessionUser(new Headers({ cookie: admin.cookie }))).not.toBeNull();
  });

  it("ends a disabled user's sessions at once, and an enabled user signs in again", async () => {
    const target = await signedInUser("merchant");
    const second = await signIn(target.email);
    expect(await getSessionUser(new Headers({ cookie: target.cookie }))).not.toBeNull();

    const reply = await patch(target, { disabled: true });
    expect(userSchema.parse(reply.json).disabled).toBe(true);
    for (const cookie of [target.cookie, second])
      expect(await getSessionUser(new Headers({ cookie }))).toBeNull();
    expect(await db().select().from(session).where(eq(session.userId, target.id))).toEqual([]);

    expect((await patch(target, { disabled: false })).status).toBe(200);
    const again = await signIn(target.email);
    expect(await getSessionUser(new Headers({ cookie: again }))).toMatchObject({ id: target.id });
    expect(await actions("ok")).toEqual(expect.arrayContaining(["user.disable", "user.enable"]));
  });

  it("replaces the grants, recording each one added and removed", async () => {
    const target = await signedInUser("merchant", [{ ...ref(AURORA), accountName: AURORA.name }]);
    const reply = await putAccounts(target, [ref(FARMACIA), ref(SPICES)]);
    expect(reply.status).toBe(200);
    expect(userSchema.parse(reply.json).accounts).toEqual([FARMACIA, SPICES]);
    expect(await getSessionUser(new Headers({ cookie: target.cookie }))).toMatchObject({
      accounts: [FARMACIA, SPICES],
    });
    const grants = await db().select().from(auditLog).where(eq(auditLog.outcome, "ok"));
    expect(
      grants
        .filter((g) => g.action.startsWith("grant."))
        .map((g) => `${g.action} ${g.provider ?? ""}/${g.account ?? ""}`)
        .sort(),
    ).toEqual([
      `grant.add conekta/${FARMACIA.account}`,
      `grant.add razorpay/${SPICES.account}`,
      `grant.remove razorpay/${AURORA.account}`,
    ]);

    const cleared = await patch(target, { accounts: [] });
    expect(userSchema.parse(cleared.json).accounts).toEqual([]);
  });

  it("keeps the grants as they were when one new account does not exist at the provider", async () => {
    const target = await signedInUser("viewer", [{ ...ref(AURORA), accountName: AURORA.name }]);
    const reply = await putAccounts(target, [
      ref(SPICES),
      { provider: "conekta", account: "ffffffffffffffffffffffff" },
    ]);
    expect(reply.status).toBe(422);
    expect(errorOf(reply).fields?.accounts).toEqual([
      "Conekta has no account “ffffffffffffffffffffffff” that this console may open.",
    ]);
    const unchanged = await call(userRoute.GET, {
      cookie: admin.cookie,
      params: { id: target.id },
    });
    expect(userSchema.parse(unchanged.json).accounts).toEqual([AURORA]);
    expect(await actions("invalid_fields")).toContain("grant.add");

    const malformed = await putAccounts(target, [{ provider: "razorpay" }]);
    expect(malformed.status).toBe(422);
    expect(Object.keys(errorOf(malformed).fields ?? {})).toEqual(["accounts.0.account"]);
    expect((await putAccounts(target, "all")).status).toBe(422);
  });

  it("removes a grant without asking its provider, so that revoking works while it is down", async () => {
    const target = await signedInUser("viewer", [
      { ...ref(AURORA), accountName: AURORA.name },
      { ...ref(FARMACIA), accountName: FARMACIA.name },
    ]);
    const conekta = providers.adapters.get("conekta");
    providers.adapters.delete("conekta");
    try {
      const reply = await putAccounts(target, [ref(FARMACIA)]);
      expect(reply.status).toBe(200);
      expect(userSchema.parse(reply.json).accounts).toEqual([FARMACIA]);
    } finally {
      if (conekta) providers.adapters.set("conekta", conekta);
    }
  });

  it("refuses fields that are not right with a 422 naming each", async () => {
    const target = await signedInUser("viewer");
    const reply = await patch(target, { role: "root", disabled: "yes", name: "" });
    expect(reply.status).toBe(422);
    expect(Object.keys(errorOf(reply).fields ?? {}).sort()).toEqual(["disabled", "name", "role"]);
  });

  it("resets a password: a new one-time password signs in, the old one and the sessions stop", async () => {
    const target = await signedInUser("support");
    const reply = await call(resetRoute.POST, {
      method: "POST",
      path: `/api/users/${target.id}/password-reset`,
      params: { id: target.id },
      cookie: admin.cookie,
    });
    expect(reply.status).toBe(200);
    expect(reply.headers.get("cache-control")).toBe("no-store");
    const { oneTimePassword } = oneTimePasswordReplySchema.parse(reply.json);
    expect(await getSessionUser(new Headers({ cookie: target.cookie }))).toBeNull();
    await expect(signIn(target.email, PASSWORD)).rejects.toThrow();
    expect(
      await getSessionUser(new Headers({ cookie: await signIn(target.email, oneTimePassword) })),
    ).toMatchObject({
      id: target.id,
    });

    const own = await call(resetRoute.POST, {
      method: "POST",
      params: { id: admin.id },
      cookie: admin.cookie,
    });
    expect(own.status).toBe(409);
  });

  it("refuses a change from another site, changing nothing", async () => {
    const target = await signedInUser("viewer");
    const { NextRequest } = await import("next/server");
    const req = new NextRequest(`http://console.test/api/users/${target.id}`, {
      method: "PATCH",
      headers: {
        cookie: admin.cookie,
        origin: "https://evil.example",
        "content-type": "application/json",
      },
      body: JSON.stringify({ role: "admin" }),
    });
    const response = await userRoute.PATCH(req, { params: Promise.resolve({ id: target.id }) });
    expect(response.status).toBe(403);
    expect((await db().select().from(user).where(eq(user.id, target.id)))[0]?.role).toBe("viewer");
  });
});
