import { z } from "zod";

/** The console's own model (DESIGN.md): what pages and route handlers speak, for every provider. */

export const providerIds = ["conekta", "razorpay"] as const;
export const providerIdSchema = z.enum(providerIds);
export type ProviderId = z.infer<typeof providerIdSchema>;

export const pageInfoSchema = z.object({
  next: z.string().nullable(),
  previous: z.string().nullable(),
  hasMore: z.boolean(),
});
export type PageInfo = z.infer<typeof pageInfoSchema>;

export const accountSchema = z.object({
  id: z.string(),
  name: z.string(),
  provider: providerIdSchema,
});
export type Account = z.infer<typeof accountSchema>;

export const accountPageSchema = z.object({ data: z.array(accountSchema), page: pageInfoSchema });
export type AccountPage = z.infer<typeof accountPageSchema>;

export const webhookSchema = z.object({
  id: z.string(),
  provider: providerIdSchema,
  account: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  active: z.boolean().nullable(),
  status: z.string().nullable(),
  hasSecret: z.boolean().nullable(),
  alertEmail: z.string().nullable(),
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type Webhook = z.infer<typeof webhookSchema>;

export const webhookPageSchema = z.object({ data: z.array(webhookSchema), page: pageInfoSchema });
export type WebhookPage = z.infer<typeof webhookPageSchema>;

export const pingResultSchema = z.object({
  outcome: z.enum(["delivered", "failed", "sent"]),
  httpStatus: z.number().int().nullable(),
  latencyMs: z.number().nullable(),
  message: z.string(),
  at: z.string(),
});
export type PingResult = z.infer<typeof pingResultSchema>;

export const errorCodes = [
  "bad_request",
  "unauthorized",
  "forbidden",
  "not_found",
  "conflict",
  "unsupported_media_type",
  "invalid_fields",
  "rate_limited",
  "provider_error",
  "provider_timeout",
  "internal",
] as const;
export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
    requestId: z.string(),
    provider: z
      .object({
        status: z.number().nullable(),
        code: z.string().nullable(),
        message: z.string().nullable(),
        logId: z.string().optional(),
      })
      .optional(),
    /** Set when a create half-succeeded: the webhook exists, without its events. */
    webhook: webhookSchema.optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;
