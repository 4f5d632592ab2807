import { findDescriptor } from "@/lib/providers/catalogue";

type NamedAccount = { provider: string; id: string; name: string; kind?: "holding" | "account" };

/** The provider's own account (Conekta's holding), by its kind or by the descriptor's own id. */
export function isOwnAccount(account: NamedAccount): boolean {
  const own = findDescriptor(account.provider)?.accounts.ownAccountId;
  return account.kind === "holding" || (own !== null && own !== undefined && account.id === own);
}

/**
 * An account as people read it: its name from the provider. The provider's own (holding) account
 * is named by its kind in the user's language only when its real name is unknown (the provider
 * could not say, or only a grant's id is at hand).
 */
export function accountNameOf(account: NamedAccount, holdingName: string): string {
  if (!isOwnAccount(account)) return account.name;
  return account.name && account.name !== account.id ? account.name : holdingName;
}
