import "server-only";
import { desc, eq, and, sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "@/lib/auth/session";
import { getDb, type Database } from "@/lib/db";
import { auditLog } from "@/lib/db/schema";
import { toAppError } from "@/lib/http/errors";
import { logError } from "@/lib/http/log";
import { OK, PENDING, type AuditAction, type DoneOutcome } from "./actions";
import { GENESIS_HASH, hashEntry, hashOutcome, type ChainedFields } from "./hash";
import { scrubAuditValue } from "./scrub";

export type { AuditAction } from "./actions";

/**
 * Writing the audit log. Every entry is one INSERT; the one UPDATE ever allowed is the completion
 * of a `pending` entry (the trigger of migrations 0001/0002 refuses anything else). Entries are
 * chained in `seq` order: the insert takes a transaction-scoped advisory lock, so writers on every
 * instance sharing the database take turns between "read the last hash" and "insert after it".
 */

export interface AuditInput {
  actor: Actor;
  action: AuditAction;
  provider?: string | null;
  account?: string | null;
  webhookId?: string | null;
  before?: unknown;
  /**
   * The state after the change. Given here, it is what a failed change asked for (kept with the
   * error outcome); on success `audited` and `complete` replace it with the real result.
   */
  after?: unknown;
  /** who tried, when actor.user is null (a failed sign-in) */
  email?: string | null;
}

// nextval is a bigint: node-postgres gives it as a string, PGlite as a number or bigint.
const nextSeqSchema = z.object({
  rows: z.tuple([z.object({ seq: z.coerce.number().int().positive() })]),
});

// Any fixed 64-bit number, distinct from the migration lock (lib/db/client.ts).
const AUDIT_CHAIN_LOCK = 5_218_007_734_902_117;

interface Completion {
  outcome: string;
  completedAt: Date;
  after: unknown;
}

async function insertEntry(
  input: AuditInput,
  completion: Completion | null,
  db: Database | Promise<Database> = getDb(),
) {
  return (await db).transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
    const [last] = await tx
      .select({ hash: auditLog.hash })
      .from(auditLog)
      .orderBy(desc(auditLog.seq))
      .limit(1);
    // The seq is part of what is hashed, so it is taken before the insert (under the lock, so
    // that seq order is chain order).
    const next = nextSeqSchema.parse(
      await tx.execute(sql`select nextval(pg_get_serial_sequence('audit_log', 'seq')) as seq`),
    );
    const user = input.actor.user;
    const fields: ChainedFields = {
      seq: next.rows[0].seq,
      // Milliseconds, as the column keeps them: the hash is of the stored value.
      at: new Date(),
      userId: user?.id ?? null,
      userEmail: user?.email ?? input.email ?? null,
      role: user?.role ?? null,
      provider: input.provider ?? null,
      account: input.account ?? null,
      webhookId: input.webhookId ?? null,
      action: input.action,
      before: scrubAuditValue(input.before),
      requestId: input.actor.requestId,
      ip: input.actor.ip,
      userAgent: input.actor.userAgent,
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    const hash = hashEntry(prevHash, fields);
    await tx.insert(auditLog).values({
      ...fields,
      prevHash,
      hash,
      outcome: completion?.outcome ?? PENDING,
      completedAt: completion?.completedAt ?? null,
      after: completion?.after ?? null,
      outcomeHash: completion
        ? hashOutcome(hash, completion.outcome, completion.completedAt, completion.after)
        : null,
    });
    return { seq: fields.seq, hash };
  });
}

function completionOf(outcome: string, after: unknown): Completion {
  if (outcome === PENDING) throw new Error("an audit entry cannot be completed as pending");
  return { outcome, completedAt: new Date(), after: scrubAuditValue(after) };
}

/** Writes a `pending` entry before the provider is called; complete() seals the outcome. */
export async function beginAudit(
  input: AuditInput,
): Promise<{ seq: number; complete(outcome: string, after?: unknown): Promise<void> }> {
  const { seq, hash } = await insertEntry(input, null);
  let completed = false;
  return {
    seq,
    async complete(outcome, after = input.after) {
      if (completed) throw new Error(`audit entry #${seq} is already complete`);
      completed = true;
      const c = completionOf(outcome, after);
      const db = await getDb();
      await db
        .update(auditLog)
        .set({
          outcome: c.outcome,
          completedAt: c.completedAt,
          after: c.after,
          outcomeHash: hashOutcome(hash, c.outcome, c.completedAt, c.after),
        })
        .where(and(eq(auditLog.seq, seq), eq(auditLog.outcome, PENDING)));
    },
  };
}

/** A finished entry in one write (sign-in, user changes). */
export async function recordAudit(input: AuditInput & { outcome: string }): Promise<void> {
  await insertEntry(input, completionOf(input.outcome, input.after));
}

/** For tests that play several console instances on one server: recordAudit through `db`. */
export async function recordAuditOn(db: Database, input: AuditInput & { outcome: string }) {
  await insertEntry(input, completionOf(input.outcome, input.after), db);
}

/**
 * Runs `work` between a pending entry and its completion: outcome "ok" (or what `outcome` says of
 * the result, e.g. `reconciled`) or the AppError code; rethrows. The entry is written before
 * `work` starts, so if it cannot be written nothing is done. A completion that fails after the
 * work succeeded is logged, not thrown: the change happened, and the pending entry still says who
 * started it.
 */
export async function audited<T>(
  input: AuditInput,
  work: () => Promise<T>,
  after?: (result: T) => unknown,
  outcome: (result: T) => DoneOutcome = () => OK,
): Promise<T> {
  const entry = await beginAudit(input);
  let result: T;
  try {
    result = await work();
  } catch (error) {
    const appError = toAppError(error);
    // A create that half-succeeded: the webhook exists, and the log says so.
    await entry
      .complete(appError.code, appError.createdWebhook ?? input.after)
      .catch((e: unknown) => logError(input.actor.requestId, e));
    throw error;
  }
  await entry
    .complete(outcome(result), after ? after(result) : input.after)
    .catch((e: unknown) => logError(input.actor.requestId, e));
  return result;
}
