import "server-only";
import { OK, RECONCILED } from "@/lib/audit/actions";
import { audited } from "@/lib/audit/record";
import type { Actor, SessionUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import type { Language } from "@/lib/http/language";
import { getDescriptor } from "@/lib/providers/catalogue";
import { getProvider, listProviders } from "@/lib/providers/registry";
import type { AccountScope, ListWebhooksInput } from "@/lib/providers/types";
import { updateActionOf } from "./audit-action";
import { inCreateFlight } from "./create-flight";
import { openCursor, sealPageInfo, type CursorBinding } from "./cursor-seal";
import { getAccount } from "./accounts";
import { forgetWebhookCount, pageAndCount } from "./count-cache";
import type { AccountPage, PingResult, ProviderId, Webhook, WebhookPage } from "./model";
import type { PingSummary } from "./model";
import { lastPings, pingHistory, sendAndRecordPing } from "./ping-history";
import { createOrAdopt, deleteOrConfirm, updateOrConfirm, type Reconciled } from "./reconcile";
import { limitPings } from "./ping-limit";
import { toPingResult } from "./ping-message";
import {
  createWebhookSchema,
  updateWebhookSchema,
  type EventCatalogue,
  type UrlRuleContext,
} from "./schemas";

/**
 * The webhook service: the one place between the console API and the provider adapters. It checks
 * that the account may be opened before any call, validates input with the schemas the form uses,
 * and adds what the pages need on top of a provider's reply (the count against the limit, kept in
 * ./count-cache.ts).
 */

/** What every page needs to know about this console: which providers it serves, and whether on the sandbox. */
export function getConsoleInfo() {
  return {
    sandbox: getEnv().sandbox,
    providers: listProviders().map(({ id, displayName, webhookLimit }) => ({
      id,
      displayName,
      webhookLimit,
    })),
  };
}

export function urlRuleContext(): UrlRuleContext {
  return { allowLoopback: getEnv().sandbox };
}

/**
 * The accounts this user may open: every account at the provider, or the ones granted. The cursor
 * is opened before the provider is asked anything (./cursor-seal.ts).
 */
export async function listAccounts(
  provider: ProviderId,
  input: { q?: string; cursor?: string; language: Language },
  user: SessionUser,
): Promise<AccountPage> {
  const binding: CursorBinding = { provider, list: "accounts", q: input.q };
  const cursor = input.cursor ? await openCursor(input.cursor, binding) : undefined;
  const adapter = getProvider(provider);
  if (user.accounts === "all") {
    const page = await adapter.listAccounts({ ...input, cursor });
    return { ...page, page: await sealPageInfo(page.page, binding) };
  }
  const q = input.q?.trim().toLowerCase() ?? "";
  const data = user.accounts
    .filter((a) => a.provider === provider)
    .filter((a) => !q || a.name.toLowerCase().includes(q) || a.account.toLowerCase().includes(q))
    .map((a) => ({ id: a.account, name: a.name, provider }));
  return { data, page: { next: null, previous: null, hasMore: false } };
}

export function getEventCatalogue(provider: ProviderId): EventCatalogue {
  return { groups: getProvider(provider).eventCatalogue() };
}

// The account must exist at the provider (404 otherwise), not only have a well-formed id.
async function openAccount(provider: ProviderId, scope: AccountScope) {
  const adapter = getProvider(provider);
  await getAccount(provider, scope);
  return adapter;
}

/**
 * How many events a webhook can be subscribed to: the catalogue less the test-only ones. The
 * catalogue is fixed for the life of the process, so it is counted once per provider, not per list.
 */
const eventCounts = new WeakMap<object, number>();
function subscribableEventCount(provider: ProviderId): number {
  const adapter = getProvider(provider);
  let count = eventCounts.get(adapter);
  if (count === undefined) {
    const testOnly = new Set(getDescriptor(provider).testOnlyEvents ?? []);
    count = adapter
      .eventCatalogue()
      .flatMap((group) => group.events)
      .filter((name) => !testOnly.has(name)).length;
    eventCounts.set(adapter, count);
  }
  return count;
}

export interface WebhookListReply extends WebhookPage {
  quota: { used: number; max: number };
  /** The newest ping of each webhook on this page; a webhook never pinged has none. */
  lastPings: Record<string, PingSummary>;
  /** How many events the provider offers: a webhook with as many is subscribed to all of them. */
  eventTotal: number;
}

/** A page of webhooks; the cursor is opened before the provider is asked anything (./cursor-seal.ts). */
export async function listWebhooks(
  provider: ProviderId,
  input: ListWebhooksInput,
  requestId: string,
): Promise<WebhookListReply> {
  const { account, q, from, to } = input;
  const binding: CursorBinding = { provider, list: "webhooks", account, q, from, to };
  const cursor = input.cursor ? await openCursor(input.cursor, binding) : undefined;
  const adapter = await openAccount(provider, input);
  const { page, used } = await pageAndCount(
    adapter,
    { ...input, cursor },
    { provider, account, requestId },
  );
  const pings = await lastPings(
    provider,
    input.account,
    page.data.map((webhook) => webhook.id),
  );
  return {
    data: page.data,
    page: await sealPageInfo(page.page, binding),
    quota: { used, max: adapter.webhookLimit },
    lastPings: pings,
    eventTotal: subscribableEventCount(provider),
  };
}

export async function getWebhook(
  provider: ProviderId,
  scope: AccountScope,
  id: string,
): Promise<Webhook> {
  return (await openAccount(provider, scope)).getWebhook(scope, id);
}

export async function createWebhook(
  provider: ProviderId,
  scope: AccountScope,
  body: unknown,
  actor: Actor,
): Promise<Webhook> {
  const input = createWebhookSchema(provider, urlRuleContext()).parse(body);
  const adapter = await openAccount(provider, scope);
  // One create of a URL at a time in an account, across instances (./create-flight.ts).
  const { value } = await inCreateFlight({ provider, account: scope.account, url: input.url }, () =>
    audited(
      { ...auditTarget(actor, provider, scope), action: "webhook.create", after: input },
      // A create whose reply was lost adopts the webhook the provider stored (./reconcile.ts).
      () => createOrAdopt(adapter, scope, input),
      ({ value: created }) => created,
      auditOutcomeOf,
    ),
  ).finally(() => forgetCountAfterWrite(provider, scope, actor));
  return value;
}

export async function updateWebhook(
  provider: ProviderId,
  scope: AccountScope,
  id: string,
  body: unknown,
  actor: Actor,
): Promise<Webhook> {
  const input = updateWebhookSchema(provider, urlRuleContext()).parse(body);
  const adapter = await openAccount(provider, scope);
  // One extra read, so that the log says what the change replaced.
  const before = await adapter.getWebhook(scope, id);
  const { value } = await audited(
    {
      ...auditTarget(actor, provider, scope, id),
      action: updateActionOf(input, before),
      before,
      after: { ...before, ...input },
    },
    // An edit whose reply was lost is read back (./reconcile.ts).
    () => updateOrConfirm(adapter, scope, before, input),
    ({ value: updated }) => updated,
    auditOutcomeOf,
  );
  return value;
}

export async function deleteWebhook(
  provider: ProviderId,
  scope: AccountScope,
  id: string,
  actor: Actor,
): Promise<void> {
  const adapter = await openAccount(provider, scope);
  const before = await adapter.getWebhook(scope, id);
  await audited(
    { ...auditTarget(actor, provider, scope, id), action: "webhook.delete", before },
    // A delete whose reply was lost looks for the webhook (./reconcile.ts).
    () => deleteOrConfirm(adapter, scope, id),
    undefined,
    auditOutcomeOf,
  ).finally(() => forgetCountAfterWrite(provider, scope, actor));
}

/**
 * A create or delete changes the count, and so may one that failed half-way (a webhook stored
 * without its events, a reply lost after the provider acted): the cached count goes either way.
 */
function forgetCountAfterWrite(provider: ProviderId, scope: AccountScope, actor: Actor) {
  return forgetWebhookCount({ provider, account: scope.account, requestId: actor.requestId });
}

/** A write the provider made although its reply was lost is `reconciled` in the audit log. */
function auditOutcomeOf({ reconciled }: Reconciled<unknown>) {
  return reconciled ? RECONCILED : OK;
}

/** Who changes which webhook where, for the audit log. */
function auditTarget(actor: Actor, provider: ProviderId, scope: AccountScope, webhookId?: string) {
  return { actor, provider, account: scope.account, webhookId: webhookId ?? null };
}

export async function pingWebhook(
  provider: ProviderId,
  scope: AccountScope,
  id: string,
  secret: string | undefined,
  actor: Actor,
): Promise<PingResult> {
  const adapter = await openAccount(provider, scope);
  // Checked before anything reaches the provider; the account check above is local.
  await limitPings(actor, provider, scope.account, id);
  const webhook = { provider, account: scope.account, webhookId: id };
  const report = await audited(
    { actor, action: "webhook.ping", ...webhook },
    () =>
      sendAndRecordPing({ ...webhook, actor }, () => adapter.pingWebhook({ ...scope, id, secret })),
    ({ outcome, httpStatus, latencyMs, messageCode }) => ({
      outcome,
      httpStatus,
      latencyMs,
      messageCode,
    }),
  );
  return toPingResult(report);
}

/** The webhook's newest pings (the edit page's Recent pings), from the console's own database. */
export async function listPingHistory(
  provider: ProviderId,
  scope: AccountScope,
  id: string,
): Promise<PingSummary[]> {
  await openAccount(provider, scope);
  return pingHistory(provider, scope.account, id);
}
