import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/http/errors";
import type { AuditFilter } from "./filters";
import { countAuditEntries, readAuditEntries, toAuditEntry } from "./query";

/**
 * The audit log as CSV (RFC 4180): a header row, then one row per entry, newest first, streamed a
 * batch at a time so that a long export never sits in memory.
 */

export const AUDIT_EXPORT_LIMIT = 100_000;
const BATCH = 1000;

const columns = [
  "seq",
  "at",
  "user_id",
  "user_email",
  "role",
  "provider",
  "account",
  "webhook_id",
  "action",
  "outcome",
  "completed_at",
  "request_id",
  "ip",
  "user_agent",
  "before",
  "after",
  "hash",
] as const;

/**
 * One cell: quoted when it holds a comma, quote or line break (quotes doubled). A cell that a
 * spreadsheet would run as a formula (= + - @, or a tab or carriage return before one) gets a
 * leading apostrophe, so that an entry's text cannot become a formula on an auditor's machine.
 */
export function csvCell(value: unknown): string {
  let text =
    value === null || value === undefined
      ? ""
      : typeof value === "string"
        ? value
        : typeof value === "number" || typeof value === "boolean"
          ? String(value)
          : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvLine(cells: unknown[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** Refuses up front an export beyond the limit (400), then streams the rows. */
export async function exportAuditCsv(
  user: SessionUser,
  filter: AuditFilter,
): Promise<ReadableStream<Uint8Array>> {
  const { count, newest } = await countAuditEntries(user, filter);
  if (count > AUDIT_EXPORT_LIMIT)
    throw AppError.of("bad_request", "auditExportTooLarge", { limit: AUDIT_EXPORT_LIMIT });
  const encoder = new TextEncoder();
  const batches = newest === null ? null : readAuditEntries(user, filter, newest, BATCH);
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvLine([...columns])));
        return;
      }
      const next = await batches?.next();
      if (!next || next.done) {
        controller.close();
        return;
      }
      const text = next.value
        .map((row) => {
          const entry = toAuditEntry(row);
          return csvLine([
            entry.seq,
            entry.at,
            entry.userId,
            entry.userEmail,
            entry.role,
            entry.provider,
            entry.account,
            entry.webhookId,
            entry.action,
            entry.outcome,
            entry.completedAt,
            entry.requestId,
            entry.ip,
            entry.userAgent,
            entry.before,
            entry.after,
            row.hash,
          ]);
        })
        .join("");
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await batches?.return(undefined);
    },
  });
}
