import { createHmac } from "node:crypto";

/**
 * Razorpay's `X-Razorpay-Signature`: lowercase hex HMAC-SHA256 of the exact bytes sent, keyed with
 * the webhook secret. Sign the string that goes on the wire, never a re-serialised object: a
 * receiver verifies the raw body, so one changed space breaks the signature.
 */
export function signRazorpayBody(rawBody: string, secret: string): string {
  return createHmac("sha256", secret).update(rawBody, "utf8").digest("hex");
}
