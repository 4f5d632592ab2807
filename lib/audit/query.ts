import "server-only";
import {
  and,
  desc,
  eq,
  gte,
  ilike,
  isNull,
  lt,
  lte,
  notInArray,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { auditLog } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { OK, PENDING, RECONCILED } from "./actions";
import { encodeAuditCursor, type AuditFilter } from "./filters";
import type { AuditEntry, AuditPage } from "./model";

/**
 * Reading the audit log, newest first, for the audit page, a webhook's History and the CSV export.
 * Only SELECTs: nothing in the console updates or deletes an entry.
 */

export const AUDIT_PAGE_SIZE = 50;

type Row = typeof auditLog.$inferSelect;

/**
 * What this user may read. Admins and support read everything; a merchant reads the entries of the
 * accounts granted to them and their own entries that name no account (their sign-ins). A filter
 * for an account they do not hold is refused, not answered with an empty list.
 */
function scopeOf(user: SessionUser, filter: AuditFilter): SQL | undefined {
  if (user.accounts === "all") return undefined;
  const wanted = filter.account;
  if (
    wanted?.account &&
    !user.accounts.some((a) => a.provider === wanted.provider && a.account === wanted.account)
  )
    throw AppError.of("forbidden", "accountNotGranted");
  const granted = user.accounts.map(
    (a) => sql`(${auditLog.provider} = ${a.provider} and ${auditLog.account} = ${a.account})`,
  );
  const own = and(eq(auditLog.userId, user.id), isNull(auditLog.account));
  return or(own, ...granted);
}

function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filterOf(filter: AuditFilter): SQL[] {
  const where: SQL[] = [];
  if (filter.account) {
    where.push(eq(auditLog.provider, filter.account.provider));
    if (filter.account.account) where.push(eq(auditLog.account, filter.account.account));
  }
  if (filter.user) {
    const byEmail = ilike(auditLog.userEmail, `%${escapeLike(filter.user)}%`);
    where.push(or(byEmail, eq(auditLog.userId, filter.user)) ?? byEmail);
  }
  if (filter.action) where.push(eq(auditLog.action, filter.action));
  if (filter.from) where.push(gte(auditLog.at, filter.from));
  if (filter.to) where.push(lt(auditLog.at, filter.to));
  if (filter.outcome === "failed")
    where.push(notInArray(auditLog.outcome, [OK, RECONCILED, PENDING]));
  else if (filter.outcome) where.push(eq(auditLog.outcome, filter.outcome));
  if (filter.webhook) {
    // A create names its webhook only in `after`: the id is known once the provider answered.
    const created = sql`(${auditLog.action} = 'webhook.create' and ${auditLog.after} ->> 'id' = ${filter.webhook})`;
    where.push(or(eq(auditLog.webhookId, filter.webhook), created) ?? created);
  }
  return where;
}

function whereOf(user: SessionUser, filter: AuditFilter, extra: (SQL | undefined)[] = []) {
  return and(scopeOf(user, filter), ...filterOf(filter), ...extra);
}

export function toAuditEntry(row: Row): AuditEntry {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    userId: row.userId,
    userEmail: row.userEmail,
    role: row.role,
    provider: row.provider,
    account: row.account,
    webhookId: row.webhookId,
    action: row.action,
    before: row.before ?? null,
    after: row.after ?? null,
    outcome: row.outcome,
    completedAt: row.completedAt?.toISOString() ?? null,
    requestId: row.requestId,
    ip: row.ip,
    userAgent: row.userAgent,
  };
}

/** One page of entries older than the cursor (an entry's seq), newest first. */
export async function listAuditEntries(
  user: SessionUser,
  filter: AuditFilter,
  cursor?: number,
): Promise<AuditPage> {
  const db = await getDb();
  const rows = await db
    .select()
    .from(auditLog)
    .where(whereOf(user, filter, [cursor ? lt(auditLog.seq, cursor) : undefined]))
    .orderBy(desc(auditLog.seq))
    .limit(AUDIT_PAGE_SIZE + 1);
  const hasMore = rows.length > AUDIT_PAGE_SIZE;
  const data = rows.slice(0, AUDIT_PAGE_SIZE).map(toAuditEntry);
  const last = data.at(-1);
  return {
    data,
    page: { next: hasMore && last ? encodeAuditCursor(last.seq) : null, previous: null, hasMore },
  };
}

/** How many entries match, and the newest one's seq (so that an export is of one moment). */
export async function countAuditEntries(user: SessionUser, filter: AuditFilter) {
  const db = await getDb();
  const [row] = await db
    .select({
      count: sql<number>`count(*)::int`,
      newest: sql<number | null>`max(${auditLog.seq})`,
    })
    .from(auditLog)
    .where(whereOf(user, filter));
  return {
    count: Number(row?.count ?? 0),
    newest: row?.newest == null ? null : Number(row.newest),
  };
}

/** Every matching entry up to `newest`, newest first, read `batch` rows at a time. */
export async function* readAuditEntries(
  user: SessionUser,
  filter: AuditFilter,
  newest: number,
  batch = 1000,
): AsyncGenerator<Row[]> {
  const db = await getDb();
  let before = newest + 1;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(whereOf(user, filter, [lt(auditLog.seq, before), lte(auditLog.seq, newest)]))
      .orderBy(desc(auditLog.seq))
      .limit(batch);
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (rows.length < batch || !last) return;
    before = last.seq;
  }
}
