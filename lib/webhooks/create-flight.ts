import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { and, eq, lte, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { createInFlight } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/http/errors";

/**
 * One create per account and URL at a time, across every instance: a second create of the same URL
 * while the first is in flight is a double submit (two tabs, a script without an Idempotency-Key),
 * and is refused with 409 instead of making a second webhook. It also keeps the reconciliation of
 * a lost reply sound (./reconcile.ts): the new webhook with this URL can only be this create's.
 */

/**
 * How long a create may hold its row before another may take it over (its instance crashed). A
 * create makes at most about ten provider calls (account, list before, create, read back, events,
 * list after a lost reply, ...), each within PROVIDER_TIMEOUT_MS, and a few writes of its own to
 * the database (audit log, this row): a live one never runs this long.
 */
export function createLeaseMs(): number {
  return 12 * getEnv().timeoutMs + 10_000;
}

/** Runs `create` holding the account's flight for `url`; 409 if another create of it is in flight. */
export async function inCreateFlight<T>(
  target: { provider: string; account: string; url: string },
  create: () => Promise<T>,
): Promise<T> {
  const db = await getDb();
  const owner = randomUUID();
  const row = {
    provider: target.provider,
    account: target.account,
    urlHash: createHash("sha256").update(target.url).digest("hex"),
  };
  const leaseUntil = sql`now() + make_interval(secs => ${createLeaseMs() / 1000})`;
  // Rows of crashed instances are pruned on the way; the one this create needs is taken over below.
  await db.delete(createInFlight).where(lte(createInFlight.leaseUntil, sql`now()`));
  const [taken] = await db
    .insert(createInFlight)
    .values({ ...row, owner, leaseUntil })
    .onConflictDoUpdate({
      target: [createInFlight.provider, createInFlight.account, createInFlight.urlHash],
      set: { owner, leaseUntil },
      setWhere: lte(createInFlight.leaseUntil, sql`now()`),
    })
    .returning({ owner: createInFlight.owner });
  // No Retry-After: once the first is done, the same create again would make a second webhook.
  if (taken?.owner !== owner) throw AppError.of("conflict", "createInFlight");
  try {
    return await create();
  } finally {
    await db
      .delete(createInFlight)
      .where(
        and(
          eq(createInFlight.provider, row.provider),
          eq(createInFlight.account, row.account),
          eq(createInFlight.urlHash, row.urlHash),
          eq(createInFlight.owner, owner),
        ),
      );
  }
}
