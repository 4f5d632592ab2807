import { z } from "zod";
import { getDescriptor } from "@/lib/providers/catalogue";
import type { ProviderId } from "./model";
import {
  checkAlertEmailField,
  checkEventsField,
  checkSecretField,
  checkUrlField,
  type UrlRuleContext,
} from "./rules";

export { checkWebhookUrl, isPlainHttp, type UrlRuleContext } from "./rules";
export type { WebhookFormValues } from "./form-rules";

/**
 * The create/edit schemas of the console API. Their field rules are ./rules.ts, which the form in
 * the browser checks too (./form-rules.ts), so both catch the same mistakes before the provider
 * does, without zod in the browser. Issue messages are message keys under `validation.*`; the form
 * and the API translate them into the user's language.
 */

/** A zod check from one of ./rules.ts: the rule's message key becomes the issue. */
function rule<T>(check: (value: T) => string | null) {
  return (value: T, ctx: z.RefinementCtx) => {
    const problem = check(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  };
}

function urlField(provider: ProviderId, context: UrlRuleContext) {
  return z
    .string()
    .trim()
    .superRefine(rule((value: string) => checkUrlField(provider, value, context)));
}

const eventsField = z.array(z.string().min(1)).superRefine(rule(checkEventsField));
const alertEmailField = z.string().superRefine(rule(checkAlertEmailField)).nullable();
const secretField = z.string().superRefine(rule(checkSecretField));

/** The optional fields a provider keeps, by its capabilities. */
function extraFields(provider: ProviderId) {
  const { capabilities } = getDescriptor(provider);
  return {
    ...(capabilities.fields.alertEmail ? { alertEmail: alertEmailField.optional() } : {}),
    ...(capabilities.fields.secret ? { secret: secretField.optional() } : {}),
  };
}

/** Everything a create request may carry; fields the provider does not keep are refused. */
// The shapes vary with the provider's capabilities; their output is always one of these types.
export function createWebhookSchema(
  provider: ProviderId,
  context: UrlRuleContext,
): z.ZodType<CreateWebhookInput> {
  return z
    .object({ url: urlField(provider, context), events: eventsField, ...extraFields(provider) })
    .strict() as z.ZodType<CreateWebhookInput>;
}

export function updateWebhookSchema(
  provider: ProviderId,
  context: UrlRuleContext,
): z.ZodType<UpdateWebhookInput> {
  const { enableDisable } = getDescriptor(provider).capabilities;
  return z
    .object({
      url: urlField(provider, context).optional(),
      events: eventsField.optional(),
      ...extraFields(provider),
      ...(enableDisable ? { active: z.boolean().optional() } : {}),
    })
    .strict() as z.ZodType<UpdateWebhookInput>;
}

export type CreateWebhookInput = {
  url: string;
  events: string[];
  alertEmail?: string | null;
  secret?: string;
};
export type UpdateWebhookInput = Partial<CreateWebhookInput> & { active?: boolean };

export const eventGroupSchema = z.object({ id: z.string(), events: z.array(z.string()) });
export type EventGroup = z.infer<typeof eventGroupSchema>;
export const eventCatalogueSchema = z.object({ groups: z.array(eventGroupSchema) });
export type EventCatalogue = z.infer<typeof eventCatalogueSchema>;
