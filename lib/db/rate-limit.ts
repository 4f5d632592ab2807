import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "./index";
import { rateLimit } from "./schema";

export interface RateLimitResult {
  allowed: boolean;
  /** Hits counted in the current window, this one included. */
  count: number;
  /** Seconds until the window ends (for Retry-After). */
  retryAfterSeconds: number;
}

/**
 * Counts one hit against `key` in a fixed window shared by every instance: one atomic upsert, so
 * two instances counting at once never both get the last slot.
 */
export async function hitRateLimit(
  key: string,
  { limit, windowMs }: { limit: number; windowMs: number },
): Promise<RateLimitResult> {
  const db = await getDb();
  const expired = sql`${rateLimit.windowStart} <= now() - make_interval(secs => ${windowMs / 1000})`;
  const [row] = await db
    .insert(rateLimit)
    .values({ key, windowStart: sql`now()`, count: 1 })
    .onConflictDoUpdate({
      target: rateLimit.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimit.count} + 1 end`,
        windowStart: sql`case when ${expired} then now() else ${rateLimit.windowStart} end`,
      },
    })
    .returning({
      count: rateLimit.count,
      remainingMs: sql<number>`greatest(0, extract(epoch from (${rateLimit.windowStart} + make_interval(secs => ${windowMs / 1000}) - now())) * 1000)::float8`,
    });
  const count = row?.count ?? 1;
  return {
    allowed: count <= limit,
    count,
    retryAfterSeconds: Math.max(1, Math.ceil(Number(row?.remainingMs ?? windowMs) / 1000)),
  };
}

/** How many hits `key` has in its current window, without counting one. */
export async function peekRateLimit(key: string, windowMs: number): Promise<RateLimitResult> {
  const db = await getDb();
  const seconds = windowMs / 1000;
  const [row] = await db
    .select({
      count: rateLimit.count,
      remainingMs: sql<number>`greatest(0, extract(epoch from (${rateLimit.windowStart} + make_interval(secs => ${seconds}) - now())) * 1000)::float8`,
    })
    .from(rateLimit)
    .where(
      and(
        eq(rateLimit.key, key),
        sql`${rateLimit.windowStart} > now() - make_interval(secs => ${seconds})`,
      ),
    );
  return {
    allowed: true,
    count: row?.count ?? 0,
    retryAfterSeconds: Math.max(1, Math.ceil(Number(row?.remainingMs ?? windowMs) / 1000)),
  };
}

/** Forgets a key's hits (after a successful sign-in). */
export async function clearRateLimit(key: string): Promise<void> {
  const db = await getDb();
  await db.delete(rateLimit).where(eq(rateLimit.key, key));
}

/** Gives one hit back (an attempt counted up front that turned out not to count). */
export async function releaseRateLimit(key: string): Promise<void> {
  const db = await getDb();
  await db
    .update(rateLimit)
    .set({ count: sql`greatest(${rateLimit.count} - 1, 0)` })
    .where(eq(rateLimit.key, key));
}
