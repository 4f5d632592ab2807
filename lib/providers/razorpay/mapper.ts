import "server-only";
import { maskUrlCredentials } from "@/lib/webhooks/mask";
import type { Webhook } from "@/lib/webhooks/model";
import type { RazorpayWebhook } from "./schemas";

const isoFromUnix = (seconds: number | null | undefined) =>
  seconds ? new Date(seconds * 1000).toISOString() : null;

/** Razorpay's webhook in the console's model; the secret itself is never returned, only whether there is one. */
export function toWebhook(raw: RazorpayWebhook, account: string): Webhook {
  return {
    id: raw.id,
    provider: "razorpay",
    account,
    url: maskUrlCredentials(raw.url),
    events: raw.events,
    active: raw.active ?? null,
    status: null,
    hasSecret: raw.secret_exists ?? null,
    alertEmail: raw.alert_email || null,
    createdAt: isoFromUnix(raw.created_at),
    updatedAt: isoFromUnix(raw.updated_at),
  };
}
