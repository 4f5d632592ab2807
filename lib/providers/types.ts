import type { Language } from "@/lib/http/language";
import type { AccountPage, ProviderId } from "@/lib/webhooks/model";

export interface CallOptions {
  language: Language;
}

export interface ListAccountsInput extends CallOptions {
  q?: string;
  cursor?: string;
}

/**
 * One provider behind the console. Each lives in its own folder under lib/providers and converts
 * the provider's raw types to the console's model at this border.
 */
export interface ProviderAdapter {
  id: ProviderId;
  displayName: string;
  listAccounts(input: ListAccountsInput): Promise<AccountPage>;
}
