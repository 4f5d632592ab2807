import { findDescriptor } from "@/lib/providers/catalogue";

/** An account as people read it: the provider's own (holding) account is named in their language. */
export function accountNameOf(
  account: { provider: string; id: string; name: string; kind?: "holding" | "account" },
  holdingName: string,
): string {
  const own = findDescriptor(account.provider)?.accounts.ownAccountId;
  return account.kind === "holding" || (own !== null && own !== undefined && account.id === own)
    ? holdingName
    : account.name;
}
