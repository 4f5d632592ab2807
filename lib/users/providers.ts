import type { ProviderId } from "@/lib/webhooks/model";

/** The configured providers as the users pages need them (from getConsoleInfo on the server). */
export interface ProviderInfo {
  id: ProviderId;
  displayName: string;
}

/** A provider's name for people; a grant of a provider that is now off shows its id. */
export function providerNameOf(providers: readonly ProviderInfo[], id: string): string {
  return providers.find((p) => p.id === id)?.displayName ?? id;
}
