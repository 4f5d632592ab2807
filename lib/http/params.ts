import { z } from "zod";
import { providerIdSchema } from "@/lib/webhooks/model";

/** Path parameters of the console API, checked before anything is forwarded to a provider. */
const accountId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
const webhookId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

export const providerParams = z.object({ provider: providerIdSchema });
export const accountParams = providerParams.extend({ account: accountId });
export const webhookParams = accountParams.extend({ id: webhookId });

/** A console user's id (users API). */
export const userParams = z.object({ id: webhookId });

/** Routes without path parameters. */
export const noParams = z.unknown();
