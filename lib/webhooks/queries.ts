import { infiniteQueryOptions, keepPreviousData, queryOptions } from "@tanstack/react-query";
import { apiJson } from "./api-client";
import type { AccountPage, PingSummary, ProviderId, Webhook, WebhookList } from "./model";
import type { EventCatalogue } from "./schemas";

export type { WebhookList };

function withQuery(path: string, params: Record<string, string | number | undefined>) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== "") search.set(key, String(value));
  return search.size > 0 ? `${path}?${search.toString()}` : path;
}

export interface WebhookListParams {
  q?: string;
  /** Page size; the console API's default when left out. */
  limit?: number;
  cursor?: string;
  from?: number;
  to?: number;
}

/** Query factories for the console's API: one place for keys and fetchers. */
export const accountQueries = {
  all: (provider: ProviderId) => ["accounts", provider] as const,
  list: (provider: ProviderId, params: { q?: string; cursor?: string } = {}) =>
    queryOptions({
      queryKey: [...accountQueries.all(provider), params] as const,
      queryFn: async ({ signal }) =>
        apiJson<AccountPage>(withQuery(`/api/${provider}/accounts`, params), { signal }),
      placeholderData: keepPreviousData,
    }),
  /** Pages of accounts for the switcher: server search, one page at a time, never all of them. */
  search: (provider: ProviderId, q: string) =>
    infiniteQueryOptions({
      queryKey: [...accountQueries.all(provider), "search", q] as const,
      queryFn: async ({ signal, pageParam }) =>
        apiJson<AccountPage>(withQuery(`/api/${provider}/accounts`, { q, cursor: pageParam }), {
          signal,
        }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.page.next ?? undefined,
      placeholderData: keepPreviousData,
    }),
};

export const webhookQueries = {
  all: (provider: ProviderId, account: string) => ["webhooks", provider, account] as const,
  lists: (provider: ProviderId, account: string) =>
    [...webhookQueries.all(provider, account), "list"] as const,
  list: (provider: ProviderId, account: string, params: WebhookListParams) =>
    queryOptions({
      queryKey: [...webhookQueries.lists(provider, account), params] as const,
      queryFn: async ({ signal }) =>
        apiJson<WebhookList>(withQuery(`/api/${provider}/${account}/webhooks`, { ...params }), {
          signal,
        }),
      placeholderData: keepPreviousData,
    }),
  detail: (provider: ProviderId, account: string, id: string) =>
    queryOptions({
      queryKey: [...webhookQueries.all(provider, account), "detail", id] as const,
      queryFn: async ({ signal }) =>
        apiJson<Webhook>(`/api/${provider}/${account}/webhooks/${id}`, { signal }),
    }),
  /** The webhook's last 20 pings (the edit page's Recent pings). */
  pings: (provider: ProviderId, account: string, id: string) =>
    queryOptions({
      queryKey: [...webhookQueries.all(provider, account), "pings", id] as const,
      queryFn: async ({ signal }) =>
        (
          await apiJson<{ data: PingSummary[] }>(
            `/api/${provider}/${account}/webhooks/${id}/pings`,
            { signal },
          )
        ).data,
    }),
};

export const eventQueries = {
  catalogue: (provider: ProviderId) =>
    queryOptions({
      queryKey: ["events", provider] as const,
      queryFn: async ({ signal }) => apiJson<EventCatalogue>(`/api/${provider}/events`, { signal }),
      staleTime: Infinity,
    }),
};
