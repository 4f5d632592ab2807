import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { announce, ReadCache } from "@/lib/db/read-cache";
import { webhookCount } from "@/lib/db/schema";
import { logError } from "@/lib/http/log";
import type { ListWebhooksInput, ProviderAdapter } from "@/lib/providers/types";
import type { ProviderId, WebhookPage } from "./model";

/**
 * How many webhooks an account has, kept in the console's database for every instance, so that a
 * list view (a search, a later page) is one provider call instead of two (issue 11).
 *
 * 60 seconds: the count only moves when someone registers or deletes a webhook, and the console's
 * own writes clear it at once (`forgetWebhookCount`). What is left is a change made elsewhere (the
 * provider's dashboard, another tool), which a minute-old "7 of 10" may miss; a minute is as long
 * as a user browsing pages or typing a search keeps one account open, and short enough that the
 * limit shown is never far behind. The provider refuses an 11th (31st) webhook anyway: the count is
 * advice, not the check.
 *
 * A cache must not take the page down with it: every failure here is logged and answered as a miss
 * (the view counts at the provider), and a failed store or clear is only logged.
 *
 * In front of the table, each instance keeps what it read (lib/db/read-cache.ts) until the row's
 * own expiry: any store or forget, by any instance, evicts it. A count read from there is checked
 * by the database all the same when a new count is stored (the generation).
 */
export const COUNT_TTL_SECONDS = 60;

const seenCounts = new ReadCache<CountSeen>("count", {
  ttlMs: COUNT_TTL_SECONDS * 1000,
  max: 5_000,
});
const countKey = (key: CountKey) => `${key.provider}/${key.account}`;

export interface CountKey {
  provider: ProviderId;
  account: string;
  /** For the log line of a failure. */
  requestId: string;
}

/** What a view saw in the cache: a fresh count or none, and the generation to store a new count at. */
export interface CountSeen {
  count: number | null;
  generation: number;
}

/** The fresh count, if any; `undefined` when the database failed (then nothing is stored either). */
export async function readWebhookCount(key: CountKey): Promise<CountSeen | undefined> {
  const hit = seenCounts.get(countKey(key));
  if (hit) return hit;
  const begun = seenCounts.begin();
  try {
    const db = await getDb();
    const [row] = await db
      .select({
        count: sql<
          number | null
        >`case when ${webhookCount.expiresAt} > now() then ${webhookCount.count} end`,
        generation: webhookCount.generation,
        // Measured by the database's clock, so that the instance's own clock does not matter.
        msLeft: sql<
          number | null
        >`(extract(epoch from (${webhookCount.expiresAt} - now())) * 1000)::float8`,
      })
      .from(webhookCount)
      .where(and(eq(webhookCount.provider, key.provider), eq(webhookCount.account, key.account)));
    const seen: CountSeen = Object.freeze({
      count: row?.count ?? null,
      generation: row?.generation ?? 0,
    });
    const msLeft = seen.count === null ? null : Number(row?.msLeft);
    seenCounts.set(countKey(key), seen, begun, msLeft === null ? Infinity : Date.now() + msLeft);
    return seen;
  } catch (error) {
    logError(key.requestId, error);
    return undefined;
  }
}

/**
 * Keeps a count read at the provider after `seen` was read. A write that settled in between bumped
 * the generation: this count may be from before it, so it is dropped and the next view counts again.
 */
export async function storeWebhookCount(
  key: CountKey,
  count: number,
  seen: CountSeen | undefined,
): Promise<void> {
  // The same fresh count is already stored: storing it again would only move its expiry (and
  // cost a write on every view of a list that fits on one page).
  if (!seen || seen.count === count) return;
  try {
    const db = await getDb();
    await db
      .insert(webhookCount)
      .values({
        provider: key.provider,
        account: key.account,
        count,
        generation: seen.generation,
        countedAt: sql`now()`,
        expiresAt: sql`now() + make_interval(secs => ${COUNT_TTL_SECONDS})`,
      })
      .onConflictDoUpdate({
        target: [webhookCount.provider, webhookCount.account],
        set: {
          count: sql`excluded.count`,
          countedAt: sql`excluded.counted_at`,
          expiresAt: sql`excluded.expires_at`,
        },
        setWhere: sql`${webhookCount.generation} = excluded.generation`,
      });
    announce(`count:${countKey(key)}`);
  } catch (error) {
    logError(key.requestId, error);
  }
}

/**
 * Forgets the account's count after a write of the console's that may have changed it (a create or
 * a delete, whether it succeeded or not): the next view counts at the provider.
 */
export async function forgetWebhookCount(key: CountKey): Promise<void> {
  try {
    const db = await getDb();
    await db
      .insert(webhookCount)
      // A view that found no row read generation 0: this one must differ from it.
      .values({ provider: key.provider, account: key.account, count: null, generation: 1 })
      .onConflictDoUpdate({
        target: [webhookCount.provider, webhookCount.account],
        set: {
          count: null,
          generation: sql`${webhookCount.generation} + 1`,
          countedAt: null,
          expiresAt: null,
        },
      });
  } catch (error) {
    logError(key.requestId, error);
  } finally {
    // Even a failed forget evicts here: the next view reads the table again.
    announce(`count:${countKey(key)}`);
  }
}

/**
 * A page and the account's count ("7 of 10"), in one provider call wherever it can be: an
 * unfiltered first page with nothing after it is the whole list and counts itself; any other view
 * takes a fresh count from this cache. Without one, the count is asked alongside the page (or comes
 * from the page's own read, see `withTotal`) and kept for the next views. The cache is read before
 * the provider is asked, so that a write settling meanwhile wins (`storeWebhookCount`).
 */
export async function pageAndCount(
  adapter: ProviderAdapter,
  input: ListWebhooksInput,
  key: CountKey,
): Promise<{ page: WebhookPage; used: number }> {
  const seen = await readWebhookCount(key);
  const cached = seen?.count ?? undefined;
  const firstUnfiltered =
    !input.cursor && !input.q && input.from === undefined && input.to === undefined;
  if (firstUnfiltered || cached !== undefined) {
    const page = await adapter.listWebhooks(input);
    if (firstUnfiltered && !page.page.hasMore) {
      await storeWebhookCount(key, page.data.length, seen);
      return { page, used: page.data.length };
    }
    if (cached !== undefined) return { page, used: cached };
    const used = await adapter.countWebhooks(input);
    await storeWebhookCount(key, used, seen);
    return { page, used };
  }
  const page = await adapter.listWebhooks({ ...input, withTotal: true });
  const used = page.total ?? (await adapter.countWebhooks(input));
  await storeWebhookCount(key, used, seen);
  return { page, used };
}
