import { infiniteQueryOptions, keepPreviousData, queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/webhooks/api-client";
import { accountPageSchema, type Account, type ProviderId } from "@/lib/webhooks/model";
import { userPageSchema, userSchema } from "./model";

/** Where each provider's account list goes on: its next cursor, for the providers that have more. */
type Cursors = Partial<Record<ProviderId, string>>;

export interface GrantablePage {
  accounts: Account[];
  next: Cursors;
  /** Providers whose page could not be loaded; the others' accounts are still shown. */
  failed: { provider: ProviderId; message: string }[];
}

function withQuery(path: string, params: Record<string, string | undefined>) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  return search.size > 0 ? `${path}?${search.toString()}` : path;
}

/** Query factories for the users API: one place for keys and fetchers. */
export const userQueries = {
  all: () => ["users"] as const,
  lists: () => [...userQueries.all(), "list"] as const,
  list: (params: { q?: string; cursor?: string }) =>
    queryOptions({
      queryKey: [...userQueries.lists(), params] as const,
      queryFn: async ({ signal }) =>
        userPageSchema.parse(await apiFetch(withQuery("/api/users", params), { signal })),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...userQueries.all(), "detail", id] as const,
      queryFn: async ({ signal }) =>
        userSchema.parse(await apiFetch(`/api/users/${encodeURIComponent(id)}`, { signal })),
    }),
  /**
   * Accounts to grant, searched on the server across every configured provider at once: each page
   * holds the next page of every provider that has more, so "Load more" goes on with all of them.
   */
  grantable: (providers: readonly ProviderId[], q: string) =>
    infiniteQueryOptions({
      queryKey: ["accounts", "grantable", providers, q] as const,
      queryFn: async ({ signal, pageParam }): Promise<GrantablePage> => {
        const wanted: [ProviderId, string | undefined][] = pageParam
          ? Object.entries(pageParam)
          : providers.map((p) => [p, undefined]);
        const settled = await Promise.allSettled(
          wanted.map(async ([provider, cursor]) =>
            accountPageSchema.parse(
              await apiFetch(withQuery(`/api/${provider}/accounts`, { q, cursor }), { signal }),
            ),
          ),
        );
        const page: GrantablePage = { accounts: [], next: {}, failed: [] };
        settled.forEach((result, i) => {
          const provider = wanted[i]?.[0];
          if (!provider) return;
          if (result.status === "rejected") {
            const message = result.reason instanceof Error ? result.reason.message : "";
            page.failed.push({ provider, message });
            return;
          }
          page.accounts.push(...result.value.data);
          if (result.value.page.next) page.next[provider] = result.value.page.next;
        });
        return page;
      },
      initialPageParam: null as Cursors | null,
      getNextPageParam: (last) => (Object.keys(last.next).length > 0 ? last.next : undefined),
      placeholderData: keepPreviousData,
    }),
};
