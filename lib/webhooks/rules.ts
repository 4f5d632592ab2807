import { getDescriptor } from "@/lib/providers/catalogue";
import type { UrlRuleContext } from "@/lib/providers/descriptor";
import type { ProviderId } from "./model";

export type { UrlRuleContext } from "@/lib/providers/descriptor";

/**
 * The rules of a webhook's fields, as plain functions: the one source of truth for the form in the
 * browser (lib/webhooks/form-rules.ts) and the console API's zod schemas (./schemas.ts), so both
 * catch the same mistakes with the same words. They speak in `validation.*` message keys, which the
 * form and the API translate. No zod here: the browser does not ship it for a handful of checks.
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

/** The webhook URL field, already trimmed: required, then the provider's URL rule. */
export function checkUrlField(
  provider: ProviderId,
  trimmed: string,
  context: UrlRuleContext,
): string | null {
  return trimmed.length === 0
    ? "validation.urlRequired"
    : checkWebhookUrl(provider, trimmed, context);
}

/** At least one event. */
export function checkEventsField(events: readonly string[]): string | null {
  return events.length === 0 ? "validation.eventsRequired" : null;
}

/**
 * zod 4's practical email pattern (`z.regexes.email`), which the form and the API used before the
 * rules moved here; lib/webhooks/rules.test.ts keeps the two equal.
 */
export const EMAIL_PATTERN =
  /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;

/** The alert email: empty (none) or an email address. */
export function checkAlertEmailField(value: string): string | null {
  return value === "" || EMAIL_PATTERN.test(value) ? null : "validation.emailInvalid";
}

export const SECRET_MAX_LENGTH = 200;

/** The write-only secret: at most 200 characters. */
export function checkSecretField(value: string): string | null {
  return value.length > SECRET_MAX_LENGTH ? "validation.secretTooLong" : null;
}
