import "server-only";
import { AppError } from "@/lib/http/errors";
import { isConnectionReset } from "@/lib/providers/request";
import type { AccountScope, ProviderAdapter } from "@/lib/providers/types";
import { maskUrlCredentials } from "./mask";
import type { Webhook } from "./model";
import type { CreateWebhookInput, UpdateWebhookInput } from "./schemas";

/**
 * A write is never sent twice (lib/providers/request.ts). When its reply is lost, though (the
 * connection was reset, or the timeout struck), the provider may well have made the change. Rather
 * than report a failure the user would answer by doing it again, the provider is asked what
 * happened: a create looks for the webhook with its URL that was not there before the POST, an
 * edit reads the webhook back and compares it with what was sent, a delete looks for the webhook
 * (gone is done). What the provider shows is reported, `reconciled` so the audit log can say so.
 */

/** A write's result, and whether it came from asking the provider after a lost reply. */
export interface Reconciled<T> {
  value: T;
  reconciled: boolean;
}

// Conekta's page goes up to 250 and Razorpay's to 100; the accounts hold at most 10 and 30.
const PAGE_SIZE = 100;
const MAX_PAGES = 5;

/**
 * Creates the webhook; after a lost reply, adopts the one the provider stored. When nothing new is
 * there after a reset, nothing was stored and the failure stands. When the provider's state cannot
 * tell (no snapshot from before, the list fails, two new ones, or a timeout whose create the
 * provider may still be working on), the error says the webhook may exist, so that nobody creates
 * it again without looking (createOutcomeUnknown; an Idempotency-Key keeps that reply).
 */
export async function createOrAdopt(
  adapter: ProviderAdapter,
  scope: AccountScope,
  input: CreateWebhookInput,
): Promise<Reconciled<Webhook>> {
  // The snapshot is what tells "stored by this create" from "was there already".
  const before = await webhooksWithUrl(adapter, scope, input.url).catch(() => null);
  try {
    return { value: await adapter.createWebhook(scope, input), reconciled: false };
  } catch (error) {
    if (!(error instanceof AppError) || !isLostReply(error)) throw error;
    const found = before && (await webhooksWithUrl(adapter, scope, input.url).catch(() => null));
    if (!before || !found) throw outcomeUnknown(adapter, error);
    const known = new Set(before.map((w) => w.id));
    const stored = found.filter((w) => !known.has(w.id));
    if (stored.length === 0 && error.code !== "provider_timeout") throw error;
    // Two new ones with this URL: someone else created one meanwhile, and which is ours is unknown.
    if (stored.length !== 1 || !stored[0]) throw outcomeUnknown(adapter, error);
    return { value: await withEvents(adapter, scope, stored[0], input.events), reconciled: true };
  }
}

/** Edits the webhook; after a lost reply, reads it back and reports the edit done if it shows. */
export async function updateOrConfirm(
  adapter: ProviderAdapter,
  scope: AccountScope,
  before: Webhook,
  input: UpdateWebhookInput,
): Promise<Reconciled<Webhook>> {
  try {
    return { value: await adapter.updateWebhook(scope, before.id, input), reconciled: false };
  } catch (error) {
    if (!isLostReply(error)) throw error;
    const now = await adapter.getWebhook(scope, before.id).catch(() => null);
    // A secret cannot be read back: with one in the edit, something visible must have changed
    // too, or nothing shows that this edit (rather than none) arrived.
    const confirmed = now && shows(now, input) && (!input.secret || !shows(before, input));
    if (!confirmed) throw error;
    return { value: now, reconciled: true };
  }
}

/** Deletes the webhook; after a lost reply, reports it deleted if the provider no longer has it. */
export async function deleteOrConfirm(
  adapter: ProviderAdapter,
  scope: AccountScope,
  id: string,
): Promise<Reconciled<null>> {
  try {
    await adapter.deleteWebhook(scope, id);
    return { value: null, reconciled: false };
  } catch (error) {
    if (!isLostReply(error)) throw error;
    const gone = await adapter.getWebhook(scope, id).then(
      () => false,
      (e: unknown) => e instanceof AppError && e.code === "not_found",
    );
    if (!gone) throw error;
    return { value: null, reconciled: true };
  }
}

/** Whether the webhook has every visible field of the edit (URLs compared as the model masks them). */
function shows(webhook: Webhook, input: UpdateWebhookInput): boolean {
  const events = new Set(webhook.events);
  return (
    (input.url === undefined || maskUrlCredentials(input.url) === webhook.url) &&
    (input.events === undefined ||
      (input.events.length === events.size && input.events.every((e) => events.has(e)))) &&
    (input.alertEmail === undefined || (input.alertEmail || null) === webhook.alertEmail) &&
    (input.active === undefined || input.active === webhook.active)
  );
}

function outcomeUnknown(adapter: ProviderAdapter, error: AppError): AppError {
  return AppError.of(
    error.code,
    "createOutcomeUnknown",
    { provider: adapter.displayName },
    { cause: error, provider: error.provider },
  );
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
