import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { session as sessionTable, user as userTable } from "@/lib/db/schema";
import { engines, withTestDatabase } from "@/lib/db/testing";
import { updateConsoleUser } from "@/lib/users/service";
import { signedInUser } from "@/lib/users/testing";
import { getAuth } from "./auth";
import { getSessionUser, type Actor } from "./session";
import { signOut } from "./sign-in";

// The session read cache (lib/auth/session.ts, lib/db/read-cache.ts): a warm request reads no
// session, user or grants from the database, and every change to them counts from the very next
// request, on both database engines.
describe.each(engines)("the session cache on %s", (engine) => {
  const db = withTestDatabase(engine);
  const grant = { provider: "conekta", account: "acct-one", accountName: "One" };
  const other = { provider: "razorpay", account: "acc_Two", accountName: "Two" };

  afterEach(() => vi.restoreAllMocks());

  /**
   * Reads the user until a read comes from the cache (no better-auth lookup): the cache trusts
   * nothing until its database's invalidations are heard, a moment after the database opens.
   */
  async function warm(cookie: string) {
    const first = await getSessionUser(new Headers({ cookie }));
    expect(first).not.toBeNull();
    await vi.waitFor(
      async () => {
        const lookups = vi.spyOn((await getAuth()).api, "getSession");
        try {
          expect(await getSessionUser(new Headers({ cookie }))).toEqual(first);
          expect(lookups).not.toHaveBeenCalled();
        } finally {
          lookups.mockRestore();
        }
      },
      { timeout: 2_000, interval: 5 },
    );
    return first!;
  }

  async function adminActor(): Promise<Actor> {
    const admin = await signedInUser("admin");
    const user = await getSessionUser(new Headers({ cookie: admin.cookie }));
    return { user, requestId: "session-cache-test", ip: null, userAgent: null };
  }

  it("answers a warm request from the cache, and a tampered cookie still gets nothing", async () => {
    const { cookie } = await signedInUser("merchant", [grant]);
    const user = await warm(cookie);
    expect(user.accounts).toEqual([{ provider: "conekta", account: "acct-one", name: "One" }]);
    const tampered = cookie.slice(0, -3) + (cookie.endsWith("abc") ? "xyz" : "abc");
    expect(await getSessionUser(new Headers({ cookie: tampered }))).toBeNull();
  });

  it("never files one session's user under another cookie sent beside it", async () => {
    const { cookie } = await signedInUser("viewer", [grant]);
    const value = cookie.slice(cookie.indexOf("=") + 1);
    const forged = `wc.session_token=forged.value`;
    // Whichever of the two better-auth reads, the pair is not cached under either cookie alone.
    for (const pair of [`${forged}; ${cookie}`, `${cookie}; ${forged}`])
      for (let i = 0; i < 3; i++) await getSessionUser(new Headers({ cookie: pair }));
    expect(await getSessionUser(new Headers({ cookie: forged }))).toBeNull();
    expect((await getSessionUser(new Headers({ cookie: `wc.session_token=${value}` })))?.role).toBe(
      "viewer",
    );
  });

  it("a signed-out session stops working on the very next request", async () => {
    const { cookie } = await signedInUser("viewer", [grant]);
    const user = await warm(cookie);
    const headers = new Headers({ cookie });
    await signOut(headers, { user, requestId: "sign-out", ip: null, userAgent: null });
    expect(await getSessionUser(headers)).toBeNull();
  });

  it("a disabled user and a removed grant count from the very next request", async () => {
    const actor = await adminActor();
    const merchant = await signedInUser("merchant", [grant, other]);
    expect((await warm(merchant.cookie)).accounts).toHaveLength(2);
    await updateConsoleUser(
      merchant.id,
      { accounts: [{ provider: "conekta", account: "acct-one" }] },
      actor,
      "en",
    );
    const after = await getSessionUser(new Headers({ cookie: merchant.cookie }));
    expect(after?.accounts).toEqual([{ provider: "conekta", account: "acct-one", name: "One" }]);

    await warm(merchant.cookie);
    await updateConsoleUser(merchant.id, { disabled: true }, actor, "en");
    expect(await getSessionUser(new Headers({ cookie: merchant.cookie }))).toBeNull();
  });

  it("a role changed by any write to the database counts at once", async () => {
    const viewer = await signedInUser("viewer", [grant]);
    expect((await warm(viewer.cookie)).role).toBe("viewer");
    // Not through the console's code: the table's trigger announces it.
    await db().update(userTable).set({ role: "support" }).where(eq(userTable.id, viewer.id));
    await vi.waitFor(
      async () =>
        expect((await getSessionUser(new Headers({ cookie: viewer.cookie })))?.role).toBe(
          "support",
        ),
      { timeout: 2_000, interval: 5 },
    );
  });

  it("a session is kept no longer than it lasts, and not past its daily refresh", async () => {
    const { id, cookie } = await signedInUser("viewer", [grant]);
    await warm(cookie);
    // The session is past its refresh age: the next request goes to better-auth, which extends it.
    const dayAgo = new Date(Date.now() + 6 * 24 * 3600_000 - 60_000);
    await db().update(sessionTable).set({ expiresAt: dayAgo }).where(eq(sessionTable.userId, id));
    await vi.waitFor(
      async () => {
        const lookups = vi.spyOn((await getAuth()).api, "getSession");
        try {
          expect(await getSessionUser(new Headers({ cookie }))).not.toBeNull();
          expect(lookups).toHaveBeenCalled();
        } finally {
          lookups.mockRestore();
        }
      },
      { timeout: 2_000, interval: 5 },
    );
    // better-auth extended it, and the user is cached again until the next refresh is due.
    const [row] = await db().select().from(sessionTable).where(eq(sessionTable.userId, id));
    expect(row!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6.9 * 24 * 3600_000);
    await warm(cookie);
  });
});
