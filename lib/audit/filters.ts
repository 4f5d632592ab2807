import { z } from "zod";
import { errorCodes, providerIdSchema, type ProviderId } from "@/lib/webhooks/model";
import { auditActions } from "./actions";

/**
 * The audit log's filters, as `GET /api/audit` and `/api/audit.csv` take them and the audit page
 * keeps them in its URL. Browser-safe: one schema for both sides.
 */

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/, "not an id");

/** `provider` or `provider:account`, e.g. `conekta:6595f5005eed000000000004`. */
export const accountFilterSchema = z
  .string()
  .transform((value, ctx): { provider: ProviderId; account: string | null } => {
    const [provider = "", account, ...rest] = value.split(":");
    const parsedProvider = providerIdSchema.safeParse(provider);
    const parsedAccount = account === undefined ? null : id.safeParse(account);
    if (!parsedProvider.success || rest.length > 0 || (parsedAccount && !parsedAccount.success)) {
      ctx.addIssue({ code: "custom", message: "must be provider or provider:account" });
      return z.NEVER;
    }
    return { provider: parsedProvider.data, account: parsedAccount?.data ?? null };
  });

/** A day (`2026-05-31`, a whole day in UTC) or an instant (ISO 8601 with a time). */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dateFilter = (edge: "from" | "to") =>
  z.string().transform((value, ctx) => {
    const ok = DAY.test(value) || z.iso.datetime({ offset: true }).safeParse(value).success;
    const date = new Date(DAY.test(value) ? `${value}T00:00:00.000Z` : value);
    if (!ok || Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: "custom", message: "must be a date (YYYY-MM-DD) or an ISO 8601 time" });
      return z.NEVER;
    }
    // `to` a day means up to the end of that day.
    if (edge === "to" && DAY.test(value)) date.setUTCDate(date.getUTCDate() + 1);
    return date;
  });

/** `failed` is any error; a code names one. */
export const auditOutcomes = ["ok", "reconciled", "pending", "failed", ...errorCodes] as const;

export const auditFilterSchema = z.object({
  account: accountFilterSchema.optional(),
  user: z.string().trim().min(1).max(320).optional(),
  action: z.enum(auditActions).optional(),
  from: dateFilter("from").optional(),
  to: dateFilter("to").optional(),
  outcome: z.enum(auditOutcomes).optional(),
  webhook: id.optional(),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;
/** The filters as they are written in a URL. */
export type AuditFilterParams = Partial<Record<keyof z.input<typeof auditFilterSchema>, string>>;

export const auditFilterKeys = Object.keys(auditFilterSchema.shape) as (keyof AuditFilterParams)[];

/** A page of the log is "older than entry N": the cursor is N, opaque to the browser. */
export function encodeAuditCursor(seq: number): string {
  return btoa(String(seq)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

export const auditCursorSchema = z.string().transform((value, ctx) => {
  let decoded = "";
  try {
    decoded = /^[A-Za-z0-9_-]{1,24}$/.test(value)
      ? atob(value.replaceAll("-", "+").replaceAll("_", "/"))
      : "";
  } catch {
    decoded = "";
  }
  if (!/^[1-9]\d{0,15}$/.test(decoded)) {
    ctx.addIssue({ code: "custom", message: "is not a cursor of this list" });
    return z.NEVER;
  }
  return Number(decoded);
});

export const auditQuerySchema = auditFilterSchema.extend({ cursor: auditCursorSchema.optional() });
