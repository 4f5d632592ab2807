import { createHmac, timingSafeEqual } from "node:crypto";
import type { SignatureVerifier } from "../receivers";
import type { RazorpayStore } from "./store";

const RAZORPAY_USER_AGENT = "Razorpay-Webhook/v1";

/**
 * Tells the demo receivers whether a delivery is a Razorpay one and, if so, whether it is signed
 * with the secret of a webhook registered at that URL. The same URL may be registered by several
 * accounts (Razorpay does not forbid it), so any of their secrets will do.
 */
export function createRazorpaySignatureVerifier(getStore: () => RazorpayStore): SignatureVerifier {
  return ({ url, headers, rawBody }) => {
    const signature = headers["x-razorpay-signature"];
    if (signature === undefined || signature === "") {
      return headers["user-agent"] === RAZORPAY_USER_AGENT ? "absent" : undefined;
    }
    const target = comparableUrl(url);
    if (target === undefined) return "invalid";
    const secrets = getStore()
      .all()
      .filter((webhook) => webhook.secret !== undefined && comparableUrl(webhook.url) === target)
      .flatMap((webhook) => (webhook.secret === undefined ? [] : [webhook.secret]));
    return secrets.some((secret) => matches(signature, signRazorpayBody(rawBody, secret)))
      ? "valid"
      : "invalid";
  };
}

/** Razorpay's `X-Razorpay-Signature`: lowercase hex HMAC-SHA256 of the raw body. */
export function signRazorpayBody(rawBody: Buffer | string, secret: string): string {
  return createHmac("sha256", secret).update(rawBody).digest("hex");
}

// The receivers see the path without the query, so URLs are compared by origin and path.
function comparableUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return undefined;
  }
}

function matches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
