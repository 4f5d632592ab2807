import { z } from "zod";

/**
 * Razorpay's replies for sub-merchant webhooks (Partner API v2), written from PROVIDERS.md. The
 * objects are strict: they state the whole contract, so a stray field (a leaked `secret`, say)
 * fails the sandbox's contract tests. A client of the real API that must tolerate additions can
 * loosen them with `.loose()`.
 */

/** Razorpay ids are 14 base62 characters, without the `acc_`-style prefix. */
export const razorpayIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9]{14}$/, "a 14-character alphanumeric id");

const unixSecondsSchema = z.number().int().nonnegative();

export const razorpayWebhookSchema = z.strictObject({
  id: razorpayIdSchema,
  created_at: unixSecondsSchema,
  updated_at: unixSecondsSchema,
  service: z.string(),
  /** The sub-merchant's id without the `acc_` prefix the path carries. */
  owner_id: razorpayIdSchema,
  owner_type: z.literal("merchant"),
  context: z.array(z.unknown()),
  /** 0 while the webhook has never been disabled. */
  disabled_at: unixSecondsSchema,
  url: z.string(),
  alert_email: z.string(),
  /** The secret is write-only; only its presence is reported. */
  secret_exists: z.boolean(),
  entity: z.literal("webhook"),
  active: z.boolean(),
  events: z.array(z.string()),
});
export type RazorpayWebhook = z.infer<typeof razorpayWebhookSchema>;

export const razorpayCollectionSchema = z
  .strictObject({
    entity: z.literal("collection"),
    /** The size of this page, not a total: Razorpay gives no total. */
    count: z.number().int().nonnegative(),
    items: z.array(razorpayWebhookSchema),
  })
  .refine((c) => c.count === c.items.length, {
    message: "count must equal the number of items",
    path: ["count"],
  });
export type RazorpayCollection = z.infer<typeof razorpayCollectionSchema>;

/** DELETE answers an empty JSON array. */
export const razorpayDeleteSchema = z.tuple([]);

export const razorpayErrorCodeSchema = z.enum([
  "BAD_REQUEST_ERROR",
  "GATEWAY_ERROR",
  "SERVER_ERROR",
]);
export type RazorpayErrorCode = z.infer<typeof razorpayErrorCodeSchema>;

export const razorpayErrorSchema = z.strictObject({
  error: z.strictObject({
    code: razorpayErrorCodeSchema,
    description: z.string(),
    field: z.string().optional(),
    source: z.string(),
    step: z.string(),
    reason: z.string(),
    metadata: z.record(z.string(), z.unknown()),
  }),
});
export type RazorpayErrorBody = z.infer<typeof razorpayErrorSchema>;

/** Authentication failures carry only a code and a description. */
export const razorpayAuthErrorSchema = z.strictObject({
  error: z.strictObject({ code: z.literal("BAD_REQUEST_ERROR"), description: z.string() }),
});
export type RazorpayAuthErrorBody = z.infer<typeof razorpayAuthErrorSchema>;
