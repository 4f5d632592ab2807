import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as users from "@/app/api/users/route";
import { getSessionUser } from "@/lib/auth/session";
import { createUser } from "@/lib/auth/users";
import { accountGrant, auditLog, user } from "@/lib/db/schema";
import { engines, withTestDatabase } from "@/lib/db/testing";
import type { ProviderAdapter } from "@/lib/providers/types";
import { CONEKTA_SEED } from "@/lib/sandbox/conekta/seed";
import { useSandbox } from "@/lib/testing/sandbox";
import { oneTimePasswordReplySchema, userPageSchema } from "./model";
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

const AURORA = "acc_Ha6Vb2QzPQ9x1K";

describe.each(engines)("creating and listing users on %s", (engine) => {
  const db = withTestDatabase(engine);
  const sandbox = useSandbox();
  let admin: Awaited<ReturnType<typeof signedInUser>>;

  beforeAll(async () => {
    for (const adapter of sandboxAdapters(sandbox().url))
      providers.adapters.set(adapter.id, adapter);
    admin = await signedInUser("admin");
  });

  const create = (body: unknown, language = "en") =>
    call(users.POST, { method: "POST", cookie: admin.cookie, body, language });
  const stored = async (email: string) =>
    (await db().select().from(user).where(eq(user.email, email)))[0];

  it("answers 401 without a session and 403 to every role but admin, creating nothing", async () => {
    const body = { email: "nobody@example.test", name: "Nobody", role: "viewer" };
    expect((await call(users.GET)).status).toBe(401);
    expect((await call(users.POST, { method: "POST", body })).status).toBe(401);
    for (const role of ["support", "merchant", "viewer"] as const) {
      const { cookie } = await signedInUser(role);
      expect((await call(users.GET, { cookie })).status, role).toBe(403);
      const refused = await call(users.POST, { method: "POST", cookie, body });
      expect(refused.status, role).toBe(403);
      expect(errorOf(refused).code).toBe("forbidden");
    }
    expect(await stored("nobody@example.test")).toBeUndefined();
  });

  it("creates a user with a one-time password that signs in, shown once and stored only hashed", async () => {
    const reply = await create({ email: "  Nora@Example.TEST ", name: " Nora ", role: "viewer" });
    expect(reply.status).toBe(201);
    expect(reply.headers.get("cache-control")).toBe("no-store");
    const { user: created, oneTimePassword } = oneTimePasswordReplySchema.parse(reply.json);
    expect(created).toMatchObject({
      email: "nora@example.test",
      name: "Nora",
      role: "viewer",
      disabled: false,
      accounts: [],
    });
    expect(oneTimePassword).toMatch(/^[A-Za-z0-9_-]{20}$/);

    const cookie = await signIn("nora@example.test", oneTimePassword);
    expect(await getSessionUser(new Headers({ cookie }))).toMatchObject({ id: created.id });

    const everything =
      JSON.stringify(await db().select().from(user)) +
      JSON.stringify(await db().select().from(auditLog));
    expect(everything).not.toContain(oneTimePassword);
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.create"), eq(auditLog.outcome, "ok")));
    expect(entry).toMatchObject({ userId: admin.id, role: "admin" });
    expect(entry?.after).toMatchObject({ id: created.id, email: "nora@example.test" });
  });

  it("grants accounts checked at each provider, named as the provider names them", async () => {
    const reply = await create({
      email: "mara@example.test",
      name: "Mara",
      role: "merchant",
      accounts: [
        { provider: "conekta", account: CONEKTA_SEED.emptyChildId },
        { provider: "razorpay", account: AURORA },
        { provider: "razorpay", account: AURORA },
      ],
    });
    expect(reply.status).toBe(201);
    const { user: created } = oneTimePasswordReplySchema.parse(reply.json);
    expect(created.accounts).toEqual([
      { provider: "conekta", account: CONEKTA_SEED.emptyChildId, name: "Farmacia Roma" },
      { provider: "razorpay", account: AURORA, name: "Tienda Aurora" },
    ]);
    const grants = await db().select().from(auditLog).where(eq(auditLog.action, "grant.add"));
    expect(grants.map((g) => [g.provider, g.account, g.outcome])).toEqual(
      expect.arrayContaining([
        ["conekta", CONEKTA_SEED.emptyChildId, "ok"],
        ["razorpay", AURORA, "ok"],
      ]),
    );
  });

  it.each([
    ["a malformed email", { email: "not-an-email", name: "X", role: "viewer" }, "email"],
    ["no name", { email: "x1@example.test", name: "  ", role: "viewer" }, "name"],
    ["an unknown role", { email: "x2@example.test", name: "X", role: "owner" }, "role"],
    [
      "an unknown provider",
      {
        email: "x3@example.test",
        name: "X",
        role: "viewer",
        accounts: [{ provider: "paypal", account: "a" }],
      },
      "accounts.0.provider",
    ],
    [
      "a malformed account id",
      {
        email: "x4@example.test",
        name: "X",
        role: "viewer",
        accounts: [{ provider: "razorpay", account: "acc x/../" }],
      },
      "accounts.0.account",
    ],
  ])("refuses %s with a 422 on that field, storing nothing", async (_, body, field) => {
    const reply = await create(body);
    expect(reply.status).toBe(422);
    const error = errorOf(reply);
    expect(error.code).toBe("invalid_fields");
    expect(Object.keys(error.fields ?? {})).toEqual([field]);
    expect(await stored(body.email)).toBeUndefined();
  });

  it("says which field is wrong in the user's language", async () => {
    const reply = await create({ email: "x5@example.test", name: "X", role: "owner" }, "es");
    expect(errorOf(reply).fields?.role).toEqual([
      "Elige uno de los roles: admin, support, merchant o viewer.",
    ]);
  });

  it("refuses accounts that do not exist at the provider with a 422 naming them, storing nothing", async () => {
    const reply = await create({
      email: "ghost@example.test",
      name: "Ghost",
      role: "merchant",
      accounts: [
        { provider: "razorpay", account: AURORA },
        { provider: "conekta", account: "ffffffffffffffffffffffff" },
        { provider: "razorpay", account: "acc_NotConfigured01" },
      ],
    });
    expect(reply.status).toBe(422);
    const error = errorOf(reply);
    expect(error.message).toBe(
      "These accounts cannot be granted: “ffffffffffffffffffffffff”, “acc_NotConfigured01”.",
    );
    expect(error.fields?.accounts).toEqual([
      "Conekta has no account “ffffffffffffffffffffffff” that this console may open.",
      "Razorpay has no account “acc_NotConfigured01” that this console may open.",
    ]);
    expect(await stored("ghost@example.test")).toBeUndefined();
    expect(await db().select().from(accountGrant).where(eq(accountGrant.account, AURORA))).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ accountName: "ghost" })]),
    );
    const [refusal] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.create"), eq(auditLog.outcome, "invalid_fields")));
    expect(refusal?.after).toMatchObject({ email: "ghost@example.test" });
  });

  it("refuses an account of a provider that is not configured with a 422", async () => {
    const razorpay = providers.adapters.get("razorpay");
    providers.adapters.delete("razorpay");
    try {
      const reply = await create({
        email: "off@example.test",
        name: "Off",
        role: "viewer",
        accounts: [{ provider: "razorpay", account: AURORA }],
      });
      expect(reply.status).toBe(422);
      expect(errorOf(reply).fields?.accounts).toEqual([
        `razorpay is not configured in this console, so “${AURORA}” cannot be granted.`,
      ]);
    } finally {
      if (razorpay) providers.adapters.set("razorpay", razorpay);
    }
  });

  it("refuses an email that exists, whatever its case, with a 409", async () => {
    await createUser({
      email: "taken@example.test",
      name: "T",
      role: "viewer",
      password: PASSWORD,
    });
    const reply = await create({ email: "TAKEN@example.test", name: "Again", role: "admin" });
    expect(reply.status).toBe(409);
    expect(errorOf(reply).message).toBe("A user with the email taken@example.test already exists.");
    expect((await stored("taken@example.test"))?.role).toBe("viewer");
  });

  it("refuses a body that is not JSON with a 400", async () => {
    const reply = await call(users.POST, { method: "POST", cookie: admin.cookie, body: "{email" });
    expect(reply.status).toBe(400);
  });

  it("lists users by email in pages of 20, both ways, and searches email and name", async () => {
    for (let i = 0; i < 22; i++) {
      const n = String(i).padStart(2, "0");
      await createUser({
        email: `page-${n}@list.test`,
        name: `Lister ${n}`,
        role: "viewer",
        password: PASSWORD,
      });
    }
    await createUser({
      email: "under_score@list.test",
      name: "100% Name",
      role: "viewer",
      password: PASSWORD,
    });
    const list = async (params: Record<string, string>) => {
      const reply = await call(users.GET, {
        cookie: admin.cookie,
        path: `/api/users?${new URLSearchParams(params).toString()}`,
      });
      expect(reply.status).toBe(200);
      return userPageSchema.parse(reply.json);
    };

    const first = await list({ q: "list.test" });
    expect(first.data.map((u) => u.email)).toEqual(
      Array.from({ length: 20 }, (_, i) => `page-${String(i).padStart(2, "0")}@list.test`),
    );
    expect(first.page).toMatchObject({ previous: null, hasMore: true });
    const second = await list({ q: "list.test", cursor: first.page.next ?? "" });
    expect(second.data.map((u) => u.email)).toEqual([
      "page-20@list.test",
      "page-21@list.test",
      "under_score@list.test",
    ]);
    expect(second.page).toMatchObject({ next: null, hasMore: false });
    const back = await list({ q: "list.test", cursor: second.page.previous ?? "" });
    expect(back.data).toEqual(first.data);
    expect(back.page.previous).toBeNull();

    expect((await list({ q: "LISTER 07" })).data.map((u) => u.email)).toEqual([
      "page-07@list.test",
    ]);
    // LIKE's wildcards are taken literally.
    expect((await list({ q: "100%" })).data.map((u) => u.email)).toEqual(["under_score@list.test"]);
    expect((await list({ q: "e_0" })).data).toEqual([]);

    const tampered = await call(users.GET, { cookie: admin.cookie, path: "/api/users?cursor=abc" });
    expect(tampered.status).toBe(400);
  });
});
