import { z } from "zod";
import { getDescriptor } from "@/lib/providers/catalogue";
import type { UrlRuleContext } from "@/lib/providers/descriptor";
import type { ProviderId } from "./model";

export type { UrlRuleContext } from "@/lib/providers/descriptor";

/**
 * The create/edit schemas, shared by the form in the browser and the console API on the server, so
 * both catch the same mistakes before the provider does. Issue messages are message keys under
 * `validation.*`; the form and the API translate them into the user's language.
 */

function parseUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

/** The first rule a URL breaks for this provider, as a message key, or null. */
export function checkWebhookUrl(
  provider: ProviderId,
  value: string,
  context: UrlRuleContext,
): string | null {
  const url = parseUrl(value.trim());
  if (!url) return "validation.urlInvalid";
  // `webhook.site.` is `webhook.site`: a trailing dot must not slip a host past the rules.
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  return getDescriptor(provider).checkUrl({ url, host, raw: value.trim() }, context);
}

/** Plain http is allowed by both providers but deserves a warning in the form. */
export function isPlainHttp(value: string): boolean {
  return parseUrl(value.trim())?.protocol === "http:";
}

function urlField(provider: ProviderId, context: UrlRuleContext) {
  return z
    .string()
    .trim()
    .min(1, "validation.urlRequired")
    .superRefine((value, ctx) => {
      const problem = checkWebhookUrl(provider, value, context);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
}

const eventsField = z.array(z.string().min(1)).min(1, "validation.eventsRequired");
const alertEmailField = z.email("validation.emailInvalid").or(z.literal("")).nullable();
const secretField = z.string().max(200, "validation.secretTooLong");

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

/** What the create/edit form holds; checked with the same field rules as the API. */
export function webhookFormSchema(provider: ProviderId, context: UrlRuleContext) {
  const { fields } = getDescriptor(provider).capabilities;
  return z.object({
    url: urlField(provider, context),
    events: eventsField,
    alertEmail: fields.alertEmail
      ? z.email("validation.emailInvalid").or(z.literal(""))
      : z.string(),
    secret: secretField,
    active: z.boolean(),
  });
}
export type WebhookFormValues = z.input<ReturnType<typeof webhookFormSchema>>;

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
