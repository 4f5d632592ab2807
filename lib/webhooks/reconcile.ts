import "server-only";
import { AppError } from "@/lib/http/errors";
import { isConnectionReset } from "@/lib/providers/request";
import type { AccountScope, ProviderAdapter } from "@/lib/providers/types";
import { maskUrlCredentials } from "./mask";
import type { Webhook } from "./model";
import type { CreateWebhookInput } from "./schemas";

/**
 * A create is a write, so the transport never sends it twice (lib/providers/request.ts). When its
 * reply is lost, though (the connection was reset, or the timeout struck), the provider may well
 * have stored the webhook. Rather than report a failure the user would answer by creating it
 * again, the account is searched for a webhook with the same URL that was not there before the
 * POST, and that one is adopted. Nothing is ever created a second time.
 */

// Conekta's page goes up to 250 and Razorpay's to 100; the accounts hold at most 10 and 30.
const PAGE_SIZE = 100;
const MAX_PAGES = 5;

/** Creates the webhook; after a lost reply, adopts the one the provider stored, if it did. */
export async function createOrAdopt(
  adapter: ProviderAdapter,
  scope: AccountScope,
  input: CreateWebhookInput,
): Promise<Webhook> {
  // The snapshot is what tells "stored by this create" from "was there already". Without one
  // (the list failed) the create still goes ahead, but a lost reply is then reported as it is.
  const before = await webhooksWithUrl(adapter, scope, input.url).catch(() => null);
  try {
    return await adapter.createWebhook(scope, input);
  } catch (error) {
    if (!before || !isLostReply(error)) throw error;
    const known = new Set(before.map((w) => w.id));
    const found = await webhooksWithUrl(adapter, scope, input.url).catch(() => []);
    const stored = found.filter((w) => !known.has(w.id));
    // Two new ones with this URL: someone else created one meanwhile, and which is ours is unknown.
    if (stored.length !== 1 || !stored[0]) throw error;
    return withEvents(adapter, scope, stored[0], input.events);
  }
}

/** A reply that never came: the request may or may not have taken effect. */
export function isLostReply(error: unknown): boolean {
  if (!(error instanceof AppError)) return false;
  if (error.code === "provider_timeout") return true;
  return error.code === "provider_error" && isConnectionReset(error.cause);
}

/**
 * Every webhook of the account whose URL is `url`. Both adapters' `q` matches a substring of the
 * URL (Conekta's `search`; Razorpay has none, and its adapter filters all of the account's
 * webhooks by URL and event name), so the matches are narrowed to the exact URL here. The model's
 * URL has its credentials masked, and so is the one compared with it.
 */
async function webhooksWithUrl(
  adapter: ProviderAdapter,
  scope: AccountScope,
  url: string,
): Promise<Webhook[]> {
  const wanted = maskUrlCredentials(url);
  const all: Webhook[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await adapter.listWebhooks({ ...scope, q: url, limit: PAGE_SIZE, cursor });
    all.push(...result.data.filter((w) => w.url === wanted));
    if (!result.page.next) break;
    cursor = result.page.next;
  }
  return all;
}

/**
 * Where a create takes two calls (Conekta 2.1.0 stores the URL, then an update subscribes the
 * events), the lost reply may have been the first one's: the adopted webhook has no events yet.
 * They are saved as the create would have; if that fails, the error says the webhook exists
 * without them, as the adapter's own half-done create does.
 */
async function withEvents(
  adapter: ProviderAdapter,
  scope: AccountScope,
  webhook: Webhook,
  events: string[],
): Promise<Webhook> {
  const have = new Set(webhook.events);
  if (events.length === have.size && events.every((e) => have.has(e))) return webhook;
  try {
    return await adapter.updateWebhook(scope, webhook.id, { events });
  } catch (cause) {
    const reason = cause instanceof AppError ? cause.message : "The provider did not answer.";
    throw AppError.of(
      cause instanceof AppError ? cause.code : "provider_error",
      "eventsNotSaved",
      { reason },
      {
        cause,
        provider: cause instanceof AppError ? cause.provider : undefined,
        createdWebhook: webhook,
      },
    );
  }
}
