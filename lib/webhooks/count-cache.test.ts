import { eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { webhookCount } from "@/lib/db/schema";
import { engines, withTestDatabase } from "@/lib/db/testing";
import {
  COUNT_TTL_SECONDS,
  forgetWebhookCount,
  readWebhookCount,
  storeWebhookCount,
  type CountKey,
} from "./count-cache";

// The shared count of an account's webhooks (issue 11), on both database engines.
describe.each(engines)("the webhook count cache on %s", (engine) => {
  const db = withTestDatabase(engine);
  let serial = 0;
  /** A key no other test uses. */
  const freshKey = (): CountKey => ({
    provider: "razorpay",
    account: `acc_Cache${engine}${++serial}`,
    requestId: "count-cache-test",
  });

  it("has no count for an account never counted, then keeps a stored one", async () => {
    const key = freshKey();
    const seen = await readWebhookCount(key);
    expect(seen).toEqual({ count: null, generation: 0 });
    await storeWebhookCount(key, 7, seen);
    expect((await readWebhookCount(key))?.count).toBe(7);
    // Another provider's account of the same id is another count.
    expect((await readWebhookCount({ ...key, provider: "conekta" }))?.count).toBeNull();
  });

  it(`keeps a count for ${COUNT_TTL_SECONDS} seconds and not after`, async () => {
    const key = freshKey();
    await storeWebhookCount(key, 3, await readWebhookCount(key));
    const [row] = await db()
      .select({
        seconds: sql<number>`extract(epoch from (${webhookCount.expiresAt} - ${webhookCount.countedAt}))::float8`,
      })
      .from(webhookCount)
      .where(eq(webhookCount.account, key.account));
    expect(Number(row?.seconds)).toBe(COUNT_TTL_SECONDS);
    await db().execute(
      sql`update webhook_count set expires_at = now() - interval '1 millisecond'
          where account = ${key.account}`,
    );
    expect((await readWebhookCount(key))?.count).toBeNull();
  });

  it("forgets the count on a write, and a count read before the write is not stored", async () => {
    const key = freshKey();
    await storeWebhookCount(key, 5, await readWebhookCount(key));
    // A view reads the cache (expired, say) and asks the provider; a create settles meanwhile.
    const before = await readWebhookCount(key);
    await forgetWebhookCount(key);
    expect((await readWebhookCount(key))?.count).toBeNull();
    await storeWebhookCount(key, 5, before);
    expect((await readWebhookCount(key))?.count).toBeNull();
    // A view that began after the write stores its count.
    const after = await readWebhookCount(key);
    await storeWebhookCount(key, 6, after);
    expect((await readWebhookCount(key))?.count).toBe(6);
  });

  it("drops a count read before a write even when the account had no row yet", async () => {
    const key = freshKey();
    const before = await readWebhookCount(key);
    await forgetWebhookCount(key);
    await storeWebhookCount(key, 9, before);
    expect(await readWebhookCount(key)).toEqual({ count: null, generation: 1 });
  });

  it("answers a database failure as a miss, stores nothing and throws nothing, and logs it", async () => {
    const key = freshKey();
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await db().execute(sql`alter table webhook_count rename to webhook_count_away`);
    try {
      const seen = await readWebhookCount(key);
      expect(seen).toBeUndefined();
      await expect(storeWebhookCount(key, 4, { count: null, generation: 0 })).resolves.toBe(
        undefined,
      );
      await expect(forgetWebhookCount(key)).resolves.toBe(undefined);
      expect(log).toHaveBeenCalledTimes(3);
      expect(String(log.mock.calls[0]?.[0])).toContain("[count-cache-test]");
    } finally {
      await db().execute(sql`alter table webhook_count_away rename to webhook_count`);
      log.mockRestore();
    }
    expect((await readWebhookCount(key))?.count).toBeNull();
  });
});
