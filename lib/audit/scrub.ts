import { maskUrlCredentials } from "@/lib/webhooks/mask";

/**
 * What before/after may hold: plain JSON, URLs with their `user:password@` masked as in the list,
 * and never a secret. Any key that names a secret, password, token or key is dropped at any depth
 * (Razorpay's webhook secret rides in the create and update body); booleans such as `hasSecret`
 * say nothing secret and stay.
 */
const SECRET_KEY = /secret|password|passwd|token|api_?key|authorization|cookie/i;

export function scrubAuditValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  // Through JSON first, so that what is hashed is exactly what jsonb stores and gives back (Dates
  // become ISO strings, undefined fields disappear).
  return scrub(JSON.parse(JSON.stringify(value)) as unknown);
}

// What jsonb refuses to store: NUL, and half of a surrogate pair.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const storable = (text: string) => text.replace(UNSTORABLE, "\uFFFD");

function scrub(value: unknown): unknown {
  if (typeof value === "string") return maskUrlCredentials(storable(value));
  if (Array.isArray(value)) return value.map(scrub);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key, v]) => typeof v === "boolean" || !SECRET_KEY.test(key))
        .map(([key, v]) => [storable(key), scrub(v)]),
    );
  }
  return value;
}
