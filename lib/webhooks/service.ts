import "server-only";
import type { Actor, SessionUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import type { Language } from "@/lib/http/language";
import { getProvider, listProviders } from "@/lib/providers/registry";
import type { AccountScope, ListWebhooksInput } from "@/lib/providers/types";
import type { AccountPage, PingResult, ProviderId, Webhook, WebhookPage } from "./model";
import {
  createWebhookSchema,
  updateWebhookSchema,
  type EventCatalogue,
  type UrlRuleContext,
} from "./schemas";

/**
 * The webhook service: the one place between the console API and the provider adapters. It checks
 * that the account may be opened before any call, validates input with the schemas the form uses,
 * and adds what the pages need on top of a provider's reply (the count against the limit).
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

/** The accounts this user may open: every account at the provider, or the ones granted. */
export async function listAccounts(
  provider: ProviderId,
  input: { q?: string; cursor?: string; language: Language },
  user: SessionUser,
): Promise<AccountPage> {
  const adapter = getProvider(provider);
  if (user.accounts === "all") return adapter.listAccounts(input);
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

async function openAccount(provider: ProviderId, scope: AccountScope) {
  const adapter = getProvider(provider);
  await adapter.assertAccount(scope);
  return adapter;
}

export interface WebhookListReply extends WebhookPage {
  quota: { used: number; max: number };
}

export async function listWebhooks(
  provider: ProviderId,
  input: ListWebhooksInput,
): Promise<WebhookListReply> {
  const adapter = await openAccount(provider, input);
  const [page, used] = await Promise.all([
    adapter.listWebhooks(input),
    adapter.countWebhooks(input),
  ]);
  return { ...page, quota: { used, max: adapter.webhookLimit } };
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
  return (await openAccount(provider, scope)).createWebhook(scope, input);
}

export async function updateWebhook(
  provider: ProviderId,
  scope: AccountScope,
  id: string,
  body: unknown,
  actor: Actor,
): Promise<Webhook> {
  const input = updateWebhookSchema(provider, urlRuleContext()).parse(body);
  return (await openAccount(provider, scope)).updateWebhook(scope, id, input);
}

export async function deleteWebhook(
  provider: ProviderId,
  scope: AccountScope,
  id: string,
  actor: Actor,
): Promise<void> {
  await (await openAccount(provider, scope)).deleteWebhook(scope, id);
}

export async function pingWebhook(
  provider: ProviderId,
  scope: AccountScope,
  id: string,
  secret: string | undefined,
  actor: Actor,
): Promise<PingResult> {
  return (await openAccount(provider, scope)).pingWebhook({ ...scope, id, secret });
}
