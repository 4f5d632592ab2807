import "server-only";
import { getProvider } from "@/lib/providers/registry";
import type { AccountScope } from "@/lib/providers/types";
import type { Account, ProviderId } from "./model";

/**
 * Accounts as their provider names them, looked up with the adapter's `getAccount` (Conekta's
 * `GET /companies/{id}`, Razorpay's configured accounts). A found account is kept for a few
 * minutes in this instance: names rarely change, and every webhook call checks its account first.
 * It is a cache, not state: another instance looks the account up itself.
 */
const KEEP_MS = 5 * 60_000;
const MAX_KEPT = 500;
const kept = new Map<string, { account: Account; until: number }>();

export async function getAccount(provider: ProviderId, scope: AccountScope): Promise<Account> {
  const key = `${provider}/${scope.account}`;
  const hit = kept.get(key);
  if (hit && hit.until > Date.now()) return hit.account;
  // A 404 or 403 from the adapter is not kept: the next call asks again.
  const account = await getProvider(provider).getAccount(scope);
  if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value ?? "");
  kept.set(key, { account, until: Date.now() + KEEP_MS });
  return account;
}

/** The account for a page's header, or null when the provider could not say (the list shows why). */
export async function findAccount(
  provider: ProviderId,
  scope: AccountScope,
): Promise<Account | null> {
  return getAccount(provider, scope).catch(() => null);
}
