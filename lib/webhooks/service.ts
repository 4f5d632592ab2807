import "server-only";
import { getEnv } from "@/lib/env";
import type { Language } from "@/lib/http/language";
import { getProvider, listProviders } from "@/lib/providers/registry";
import type { AccountPage, ProviderId } from "@/lib/webhooks/model";

/** What every page needs to know about this console: which providers it serves, and whether on the sandbox. */
export function getConsoleInfo() {
  return {
    sandbox: getEnv().sandbox,
    providers: listProviders().map(({ id, displayName }) => ({ id, displayName })),
  };
}

export function listAccounts(
  provider: ProviderId,
  input: { q?: string; cursor?: string; language: Language },
): Promise<AccountPage> {
  return getProvider(provider).listAccounts(input);
}
