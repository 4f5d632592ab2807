import { asc, gt } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";
import { PENDING } from "./actions";
import { GENESIS_HASH, hashEntry, hashOutcome } from "./hash";

export type AuditChainReport =
  | { ok: true; entries: number }
  | { ok: false; entries: number; firstBroken: { seq: number; reason: string } };

const PAGE = 1000;

/**
 * Walks the whole log in `seq` order, a page at a time (constant memory), and names the first
 * entry that does not hold: a changed field breaks its `hash`, a changed completion its
 * `outcomeHash`, a removed entry the next one's `prevHash`. Gaps in `seq` alone are not a break: a
 * rolled-back insert burns a sequence number. Removing the newest entries leaves a shorter chain
 * that still holds; only a copy of the latest hash kept elsewhere would show that.
 */
export async function verifyAuditChain(db: Database): Promise<AuditChainReport> {
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let entries = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, lastSeq))
      .orderBy(asc(auditLog.seq))
      .limit(PAGE);
    for (const row of rows) {
      entries++;
      const reason = checkEntry(row, prevHash);
      if (reason) return { ok: false, entries, firstBroken: { seq: row.seq, reason } };
      prevHash = row.hash;
      lastSeq = row.seq;
    }
    if (rows.length < PAGE) return { ok: true, entries };
  }
}

function checkEntry(row: typeof auditLog.$inferSelect, prevHash: string): string | null {
  if (row.prevHash !== prevHash)
    return "it does not follow the entry before it (an entry was removed or inserted)";
  if (hashEntry(prevHash, row) !== row.hash)
    return "its fields do not match its hash (the entry was changed)";
  if (row.outcome === PENDING) {
    if (row.completedAt || row.outcomeHash || row.after !== null)
      return "it is pending but carries a completion";
    return null;
  }
  if (!row.completedAt || !row.outcomeHash) return "its outcome is not sealed";
  if (hashOutcome(row.hash, row.outcome, row.completedAt, row.after) !== row.outcomeHash)
    return "its outcome or after does not match its outcome hash (the completion was changed)";
  return null;
}
