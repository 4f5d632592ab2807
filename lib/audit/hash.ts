import { createHash } from "node:crypto";

/**
 * The audit log's hash chain. Each entry's `hash` covers the previous entry's hash and every field
 * fixed at insert; `outcomeHash` seals the completion (outcome, time and `after`) onto that hash.
 * Writer (record.ts) and checker (verify.ts) both use these, so they cannot drift apart.
 */

export const GENESIS_HASH = "0".repeat(64);

/** The fields an entry is inserted with and never changes (the trigger keeps them so). */
export interface ChainedFields {
  seq: number;
  at: Date;
  userId: string | null;
  userEmail: string | null;
  role: string | null;
  provider: string | null;
  account: string | null;
  webhookId: string | null;
  action: string;
  before: unknown;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
}

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value);
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export function hashEntry(prevHash: string, fields: ChainedFields): string {
  return sha256(
    prevHash +
      canonicalJson({
        seq: fields.seq,
        at: fields.at.toISOString(),
        userId: fields.userId,
        userEmail: fields.userEmail,
        role: fields.role,
        provider: fields.provider,
        account: fields.account,
        webhookId: fields.webhookId,
        action: fields.action,
        before: fields.before,
        requestId: fields.requestId,
        ip: fields.ip,
        userAgent: fields.userAgent,
      }),
  );
}

export function hashOutcome(hash: string, outcome: string, completedAt: Date, after: unknown) {
  return sha256(hash + outcome + completedAt.toISOString() + canonicalJson(after));
}
