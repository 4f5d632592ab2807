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
