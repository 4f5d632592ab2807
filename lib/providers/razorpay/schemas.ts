import "server-only";
import { z } from "zod";

/** What the console reads of Razorpay's Partner API v2 webhook replies, checked at the border. */

export const razorpayWebhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  active: z.boolean().nullish(),
  alert_email: z.string().nullish(),
  secret_exists: z.boolean().nullish(),
  created_at: z.number().nullish(),
  updated_at: z.number().nullish(),
  disabled_at: z.number().nullish(),
  owner_id: z.string().nullish(),
});
export type RazorpayWebhook = z.infer<typeof razorpayWebhookSchema>;

export const razorpayCollectionSchema = z.object({
  entity: z.literal("collection").optional(),
  count: z.number(),
  items: z.array(razorpayWebhookSchema),
});

export const razorpayErrorSchema = z.object({
  error: z.object({
    code: z.string().optional(),
    description: z.string().optional(),
    field: z.string().nullish(),
    reason: z.string().nullish(),
  }),
});
