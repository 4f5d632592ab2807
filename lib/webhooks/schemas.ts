import { z } from "zod";
import type { ProviderId } from "./model";
import {
  RAZORPAY_BLOCKED_DOMAINS,
  RAZORPAY_BLOCKED_SUFFIXES,
  RAZORPAY_MAX_URL_LENGTH,
} from "./razorpay-url-facts";

/**
 * The create/edit schemas, shared by the form in the browser and the console API on the server, so
 * both catch the same mistakes before the provider does. Issue messages are message keys under
 * `validation.*`; the form and the API translate them into the user's language.
 */

export interface UrlRuleContext {
  /** On the sandbox the demo receivers live on loopback, so loopback URLs are allowed there. */
  allowLoopback: boolean;
}

function parseUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === "localhost" ||
    hostname.endsWith(".localhost") ||
    /^127\./.test(hostname) ||
    hostname === "[::1]"
  );
}

/** IP literals no public receiver can have (names are checked again, resolved, when pinging). */
function isPrivateIpLiteral(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
  if (v4) {
    const [a = 0, b = 0] = v4.slice(1, 3).map(Number);
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  return (
    host === "::1" ||
    host === "::" ||
    /^f[cd]/.test(host) ||
    /^fe[89ab]/.test(host) ||
    host.startsWith("::ffff:")
  );
}

/** The first rule a URL breaks for this provider, as a message key, or null. */
export function checkWebhookUrl(
  provider: ProviderId,
  value: string,
  context: UrlRuleContext,
): string | null {
  const url = parseUrl(value.trim());
  if (!url) return "validation.urlInvalid";
  // `webhook.site.` is `webhook.site`: a trailing dot must not slip a host past the rules below.
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  if (provider === "conekta") {
    // Conekta's schema refuses any URL that mentions localhost or 127.0.0.1, anywhere in it.
    if (!context.allowLoopback && /localhost|127\.0\.0\.1/i.test(value))
      return "validation.urlLoopback";
    return null;
  }
  if (value.trim().length > RAZORPAY_MAX_URL_LENGTH) return "validation.urlTooLong";
  if (context.allowLoopback && isLoopbackHost(host)) return null;
  if (url.port !== "" && url.port !== "80" && url.port !== "443") return "validation.urlPort";
  if (host === "localhost" || host.endsWith(".localhost") || isPrivateIpLiteral(host)) {
    return "validation.urlPrivate";
  }
  if (host === "razorpay.com" || host.endsWith(".razorpay.com") || /(^|\.)razorpay\./.test(host)) {
    return "validation.urlRazorpay";
  }
  if (
    RAZORPAY_BLOCKED_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`)) ||
    RAZORPAY_BLOCKED_SUFFIXES.some((s) => host.endsWith(s))
  ) {
    return "validation.urlBlocked";
  }
  return null;
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

/** Everything a create request may carry; Razorpay-only fields are refused for Conekta. */
export function createWebhookSchema(provider: ProviderId, context: UrlRuleContext) {
  const base = z.object({ url: urlField(provider, context), events: eventsField });
  return provider === "razorpay"
    ? base
        .extend({ alertEmail: alertEmailField.optional(), secret: secretField.optional() })
        .strict()
    : base.strict();
}

export function updateWebhookSchema(provider: ProviderId, context: UrlRuleContext) {
  const base = z.object({
    url: urlField(provider, context).optional(),
    events: eventsField.optional(),
  });
  return provider === "razorpay"
    ? base
        .extend({
          alertEmail: alertEmailField.optional(),
          secret: secretField.optional(),
          active: z.boolean().optional(),
        })
        .strict()
    : base.strict();
}

/** What the create/edit form holds; checked with the same field rules as the API. */
export function webhookFormSchema(provider: ProviderId, context: UrlRuleContext) {
  return z.object({
    url: urlField(provider, context),
    events: eventsField,
    alertEmail:
      provider === "razorpay" ? z.email("validation.emailInvalid").or(z.literal("")) : z.string(),
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
