"use client";

import { useQuery } from "@tanstack/react-query";
import type { Account, ProviderId } from "@/lib/webhooks/model";
import { accountQueries } from "@/lib/webhooks/queries";

/**
 * The account the page shows, looked up by its id, so the switcher can name it before anyone opens
 * the list (the list itself is fetched only when opened). Undefined until known, or when the console
 * may not open it.
 */
export function useCurrentAccount(provider: ProviderId, account: string): Account | undefined {
  const lookup = useQuery({
    ...accountQueries.list(provider, { q: account }),
    staleTime: Infinity,
  });
  return lookup.data?.data.find((a) => a.id === account);
}
