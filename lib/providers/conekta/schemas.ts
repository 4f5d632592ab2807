import "server-only";
import { z } from "zod";

/**
 * What the console reads of Conekta's replies, checked at the border. Loose where the spec is
 * loose (every field optional there); the generated `openapi.d.ts` gives the request types.
 */

export const conektaErrorSchema = z.object({
  object: z.string().optional(),
  type: z.string().optional(),
  log_id: z.string().nullish(),
  details: z
    .array(
      z.object({
        code: z.string().optional(),
        param: z.string().nullish(),
        message: z.string().optional(),
        debug_message: z.string().optional(),
      }),
    )
    .optional(),
});
export type ConektaError = z.infer<typeof conektaErrorSchema>;

const listPageFields = {
  has_more: z.boolean(),
  next_page_url: z.string().nullish(),
  previous_page_url: z.string().nullish(),
};

export const conektaCompanySchema = z.object({
  id: z.string(),
  name: z.string(),
  parent_company_id: z.string().nullish(),
  created_at: z.number().optional(),
});
export type ConektaCompany = z.infer<typeof conektaCompanySchema>;

export const conektaCompanyListSchema = z.object({
  ...listPageFields,
  data: z.array(conektaCompanySchema),
});

/** A webhook as Conekta returns it: the 2.1.0 shape and the 2.2+ shape are both read. */
export const conektaWebhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  status: z.string().nullish(),
  subscribed_events: z.array(z.string()).nullish(),
  // 2.1.0
  synchronous: z.boolean().nullish(),
  production_enabled: z.boolean().nullish(),
  development_enabled: z.boolean().nullish(),
  livemode: z.boolean().nullish(),
  deleted: z.boolean().nullish(),
  // 2.2+
  active: z.boolean().nullish(),
  description: z.string().nullish(),
});
export type ConektaWebhook = z.infer<typeof conektaWebhookSchema>;

export const conektaWebhookListSchema = z.object({
  ...listPageFields,
  data: z.array(conektaWebhookSchema),
});

export const conektaWebhookLogSchema = z.object({
  url: z.string().nullish(),
  failed_attempts: z.number().nullish(),
  last_attempted_at: z.number().nullish(),
  last_http_response_status: z.number().nullish(),
  /** The endpoint's reply: its JSON object, or its text under `body`. */
  response_data: z.record(z.string(), z.unknown()).nullish(),
});

export const conektaEventSchema = z.object({
  id: z.string(),
  type: z.string().nullish(),
  created_at: z.number().nullish(),
  webhook_logs: z.array(conektaWebhookLogSchema).nullish(),
});
export type ConektaEvent = z.infer<typeof conektaEventSchema>;

export const conektaEventListSchema = z.object({
  ...listPageFields,
  data: z.array(conektaEventSchema),
});
