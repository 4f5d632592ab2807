import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { resetAuth } from "@/lib/auth/auth";
import { getSessionUser } from "@/lib/auth/session";
import { createDatabase } from "@/lib/testing/postgres-server";
import { signedInUser } from "@/lib/users/testing";
import { readWebhookCount, storeWebhookCount } from "@/lib/webhooks/count-cache";
import { lastPings } from "@/lib/webhooks/ping-history";
import { openDatabase, type OpenDatabase } from "./client";
import { installDatabase } from "./index";
import { LISTENER_APPLICATION_NAME } from "./listen";
import { cachesTrusted, stopFollowing } from "./read-cache";
import { pingResult, user as userTable } from "./schema";

// Two console instances over one PostgreSQL server (lib/db/read-cache.ts): `here` is this
// process's console, with its read caches; `there` is another instance's connection, whose writes
// reach `here` only through the database's notifications.
describe("the read caches of two instances over one PostgreSQL", () => {
  let here: OpenDatabase | undefined;
  let there: OpenDatabase | undefined;
  const other = () => there!.db;
  const soon = { timeout: 1_000, interval: 2 };

  beforeAll(async () => {
    const name = `test_${randomUUID().replaceAll("-", "").slice(0, 20)}`;
    const url = await createDatabase(inject("postgresUrl"), name);
    here = await openDatabase({ kind: "server", url });
    there = await openDatabase({ kind: "server", url });
    installDatabase(here);
    resetAuth();
  }, 30_000);
  afterAll(async () => {
    await stopFollowing();
    await Promise.all([here?.close(), there?.close()]);
  });

  /** Reads until the cache answers without the database: the instance now listens. */
  async function cachedUser(cookie: string) {
    await vi.waitFor(() => expect(cachesTrusted()).toBe(true), soon);
    const user = await getSessionUser(new Headers({ cookie }));
    expect(user).not.toBeNull();
    return user!;
  }

  it("a user disabled by the other instance is signed out here within milliseconds", async () => {
    const viewer = await signedInUser("viewer");
    await cachedUser(viewer.cookie);
    const started = performance.now();
    await other().update(userTable).set({ disabled: true }).where(eq(userTable.id, viewer.id));
    await vi.waitFor(
      async () => expect(await getSessionUser(new Headers({ cookie: viewer.cookie }))).toBeNull(),
      soon,
    );
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("a ping recorded by the other instance shows in this one's next list", async () => {
    await vi.waitFor(() => expect(cachesTrusted()).toBe(true), soon);
    const ids = ["wh_there"];
    expect(await lastPings("conekta", "default", ids)).toEqual({});
    expect(await lastPings("conekta", "default", ids)).toEqual({});
    await other()
      .insert(pingResult)
      .values({
        provider: "conekta",
        account: "default",
        webhookId: "wh_there",
        outcome: "delivered",
        httpStatus: 200,
        latencyMs: 12,
        messageCode: "delivered",
        messageValues: { status: 200 },
      });
    await vi.waitFor(
      async () =>
        expect((await lastPings("conekta", "default", ids)).wh_there?.httpStatus).toBe(200),
      soon,
    );
  });

  it("a count the other instance forgot is not read from this one's cache", async () => {
    await vi.waitFor(() => expect(cachesTrusted()).toBe(true), soon);
    const key = { provider: "razorpay" as const, account: "acc_Two", requestId: "two" };
    await storeWebhookCount(key, 4, await readWebhookCount(key));
    expect((await readWebhookCount(key))?.count).toBe(4);
    expect((await readWebhookCount(key))?.count).toBe(4);
    await other().execute(
      sql`update webhook_count set count = null, generation = generation + 1
          where provider = 'razorpay' and account = 'acc_Two'`,
    );
    await vi.waitFor(async () => expect((await readWebhookCount(key))?.count).toBeNull(), soon);
  });

  it("stops trusting its caches while its listening connection is down, and misses no write", async () => {
    const viewer = await signedInUser("viewer");
    await cachedUser(viewer.cookie);
    const trust: boolean[] = [];
    const watch = setInterval(() => trust.push(cachesTrusted()), 1);
    try {
      // The other instance cuts this one's listener, then writes while it may not be listening.
      await other().execute(
        sql`select pg_terminate_backend(pid) from pg_stat_activity
            where application_name = ${LISTENER_APPLICATION_NAME} and datname = current_database()`,
      );
      await other().update(userTable).set({ disabled: true }).where(eq(userTable.id, viewer.id));
      await vi.waitFor(
        async () => expect(await getSessionUser(new Headers({ cookie: viewer.cookie }))).toBeNull(),
        soon,
      );
      // It listens again and trusts its caches once more.
      await vi.waitFor(() => expect(cachesTrusted()).toBe(true), { timeout: 5_000, interval: 5 });
    } finally {
      clearInterval(watch);
    }
    expect(trust).toContain(false);
    const again = await signedInUser("viewer");
    await cachedUser(again.cookie);
  });
});
