import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "./api-client";
import { accountPageSchema, type ProviderId } from "./model";

/** Query factories for the console's API: one place for keys and fetchers. */
export const accountQueries = {
  all: (provider: ProviderId) => ["accounts", provider] as const,
  list: (provider: ProviderId, params: { q?: string; cursor?: string } = {}) =>
    queryOptions({
      queryKey: [...accountQueries.all(provider), params] as const,
      queryFn: async ({ signal }) => {
        const search = new URLSearchParams();
        if (params.q) search.set("q", params.q);
        if (params.cursor) search.set("cursor", params.cursor);
        const query = search.size > 0 ? `?${search.toString()}` : "";
        return accountPageSchema.parse(
          await apiFetch(`/api/${provider}/accounts${query}`, { signal }),
        );
      },
    }),
};
