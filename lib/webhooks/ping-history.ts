import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Actor, SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { announce, ReadCache } from "@/lib/db/read-cache";
import { pingResult } from "@/lib/db/schema";
import { toAppError, type AppError, type ErrorKey } from "@/lib/http/errors";
import { logError } from "@/lib/http/log";
import {
  pingSummarySchema,
  type PingMessageCode,
  type PingReport,
  type PingSummary,
  type ProviderId,
} from "./model";

/**
 * Every ping's result, kept per webhook in the database (so every instance sees the same): the
 * list's Last ping column and the edit page's Recent pings.
 */

export interface PingRecord extends Omit<PingSummary, "by"> {
  provider: ProviderId;
  account: string;
  webhookId: string;
  /** Who sent it; their email is kept as it was at the time. */
  user: Pick<SessionUser, "id" | "email"> | null;
}

export const PING_HISTORY_LIMIT = 20;

/**
 * Each webhook's last ping (null: never pinged) by `<provider>/<account>/<webhook>`, so that a warm
 * list reads no ping from the database (lib/db/read-cache.ts): a ping recorded by any instance
 * evicts its webhook's entry.
 */
const lastPingCache = new ReadCache<PingSummary | null>("ping", { ttlMs: 60_000, max: 20_000 });
const pingKey = (provider: string, account: string, webhookId: string) =>
  `${provider}/${account}/${webhookId}`;

const summaryColumns = {
  outcome: pingResult.outcome,
  httpStatus: pingResult.httpStatus,
  latencyMs: pingResult.latencyMs,
  messageCode: pingResult.messageCode,
  messageValues: pingResult.messageValues,
  responseExcerpt: pingResult.responseExcerpt,
  at: pingResult.at,
  by: pingResult.userEmail,
};

interface SummaryRow {
  outcome: string;
  httpStatus: number | null;
  latencyMs: number | null;
  messageCode: string;
  messageValues: Record<string, string | number> | null;
  responseExcerpt: string | null;
  at: Date;
  by: string | null;
}

// Rows are read back through the browser's schema: a code this version does not know stays
// readable ("unknown") rather than breaking the list.
function toSummary(row: SummaryRow): PingSummary {
  // Frozen: the last ping is shared by the list replies that read it from the cache.
  return Object.freeze(
    pingSummarySchema.parse({
      ...row,
      messageValues: row.messageValues ?? {},
      at: row.at.toISOString(),
    }),
  );
}

export async function recordPing(record: PingRecord): Promise<PingSummary> {
  const db = await getDb();
  const [row] = await db
    .insert(pingResult)
    .values({
      provider: record.provider,
      account: record.account,
      webhookId: record.webhookId,
      userId: record.user?.id ?? null,
      userEmail: record.user?.email ?? null,
      outcome: record.outcome,
      httpStatus: record.httpStatus,
      latencyMs: record.latencyMs === null ? null : Math.round(record.latencyMs),
      messageCode: record.messageCode,
      messageValues: record.messageValues,
      responseExcerpt: record.responseExcerpt ?? null,
      at: new Date(record.at),
    })
    .returning(summaryColumns);
  // The database announces it to every instance too; this one hears it before the reply leaves.
  announce(`ping:${pingKey(record.provider, record.account, record.webhookId)}`);
  if (!row) throw new Error("the ping result was not stored");
  return toSummary(row);
}

/**
 * The newest ping of each of these webhooks, from the cache, and the rest in one query; a webhook
 * never pinged is absent.
 */
export async function lastPings(
  provider: ProviderId,
  account: string,
  webhookIds: string[],
): Promise<Record<string, PingSummary>> {
  const found: Record<string, PingSummary> = {};
  const missing: string[] = [];
  for (const id of webhookIds) {
    const hit = lastPingCache.get(pingKey(provider, account, id));
    if (hit === undefined) missing.push(id);
    else if (hit) found[id] = hit;
  }
  if (missing.length === 0) return found;
  const begun = lastPingCache.begin();
  const db = await getDb();
  const rows = await db
    .selectDistinctOn([pingResult.webhookId], {
      webhookId: pingResult.webhookId,
      ...summaryColumns,
    })
    .from(pingResult)
    .where(
      and(
        eq(pingResult.provider, provider),
        eq(pingResult.account, account),
        inArray(pingResult.webhookId, missing),
      ),
    )
    // Two pings in the same millisecond: the one stored last wins.
    .orderBy(pingResult.webhookId, desc(pingResult.at), desc(pingResult.id));
  const read = new Map(rows.map(({ webhookId, ...row }) => [webhookId, toSummary(row)]));
  for (const id of missing) {
    const last = read.get(id) ?? null;
    lastPingCache.set(pingKey(provider, account, id), last, begun);
    if (last) found[id] = last;
  }
  return found;
}

/** A webhook's newest pings, newest first. */
export async function pingHistory(
  provider: ProviderId,
  account: string,
  webhookId: string,
  limit = PING_HISTORY_LIMIT,
): Promise<PingSummary[]> {
  const db = await getDb();
  const rows = await db
    .select(summaryColumns)
    .from(pingResult)
    .where(
      and(
        eq(pingResult.provider, provider),
        eq(pingResult.account, account),
        eq(pingResult.webhookId, webhookId),
      ),
    )
    .orderBy(desc(pingResult.at), desc(pingResult.id))
    .limit(limit);
  return rows.map(toSummary);
}

/** Why a ping that ended in an error did not get through, as a message code. */
const REFUSED: Partial<Record<ErrorKey, PingMessageCode>> = {
  pingRefusedPort: "refused_port",
  pingRefusedPrivate: "refused_private",
  pingRefusedScheme: "refused_scheme",
  pingRefusedDns: "refused_dns",
};

function errorMessage(error: AppError): Pick<PingSummary, "messageCode" | "messageValues"> {
  const refused = error.text && REFUSED[error.text.key];
  if (refused) return { messageCode: refused, messageValues: {} };
  if (error.code === "provider_error") return { messageCode: "provider_error", messageValues: {} };
  if (error.code === "provider_timeout")
    return { messageCode: "provider_timeout", messageValues: {} };
  if (error.code === "rate_limited")
    return { messageCode: "provider_rate_limited", messageValues: {} };
  return { messageCode: "error", messageValues: { code: error.code } };
}

/**
 * Sends a ping and stores what came of it: the provider's report, or (outcome `error`) the reason
 * it failed, which is then rethrown for the API to answer with. An unknown webhook leaves no row:
 * there is nothing to show its history on.
 */
export async function sendAndRecordPing(
  { actor, ...webhook }: Pick<PingRecord, "provider" | "account" | "webhookId"> & { actor: Actor },
  send: () => Promise<PingReport>,
): Promise<PingReport> {
  const target = { ...webhook, user: actor.user };
  let report: PingReport;
  try {
    report = await send();
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code !== "not_found") {
      await recordPing({
        ...target,
        outcome: "error",
        httpStatus: null,
        latencyMs: null,
        ...errorMessage(appError),
        at: new Date().toISOString(),
        // The ping's own error is what the caller must hear about; a failed write is only logged.
      }).catch((e: unknown) => logError(actor.requestId, e));
    }
    throw error;
  }
  await recordPing({ ...target, ...report });
  return report;
}
