import { z } from "zod";
import { pageInfoSchema } from "@/lib/webhooks/model";

/** One audit entry as the console API sends it (browser-safe). Dates are ISO 8601. */
export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  userId: z.string().nullable(),
  userEmail: z.string().nullable(),
  role: z.string().nullable(),
  provider: z.string().nullable(),
  account: z.string().nullable(),
  webhookId: z.string().nullable(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  /** `pending`, `ok`, or the error code. */
  outcome: z.string(),
  completedAt: z.string().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({ data: z.array(auditEntrySchema), page: pageInfoSchema });
export type AuditPage = z.infer<typeof auditPageSchema>;
