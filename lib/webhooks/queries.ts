import { infiniteQueryOptions, keepPreviousData, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiFetch } from "./api-client";
import {
  accountPageSchema,
  pingSummarySchema,
  webhookPageSchema,
  webhookSchema,
  type ProviderId,
} from "./model";
import { eventCatalogueSchema } from "./schemas";

function withQuery(path: string, params: Record<string, string | number | undefined>) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== "") search.set(key, String(value));
  return search.size > 0 ? `${path}?${search.toString()}` : path;
}

export const webhookListSchema = webhookPageSchema.extend({
  quota: z.object({ used: z.number(), max: z.number() }),
  /** The newest ping of each webhook on the page; absent for a webhook never pinged. */
  lastPings: z.record(z.string(), pingSummarySchema),
  eventTotal: z.number(),
});
export type WebhookList = z.infer<typeof webhookListSchema>;

const pingHistorySchema = z.object({ data: z.array(pingSummarySchema) });

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
        accountPageSchema.parse(
          await apiFetch(withQuery(`/api/${provider}/accounts`, params), { signal }),
        ),
      placeholderData: keepPreviousData,
    }),
  /** Pages of accounts for the switcher: server search, one page at a time, never all of them. */
  search: (provider: ProviderId, q: string) =>
    infiniteQueryOptions({
      queryKey: [...accountQueries.all(provider), "search", q] as const,
      queryFn: async ({ signal, pageParam }) =>
        accountPageSchema.parse(
          await apiFetch(withQuery(`/api/${provider}/accounts`, { q, cursor: pageParam }), {
            signal,
          }),
        ),
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
        webhookListSchema.parse(
          await apiFetch(withQuery(`/api/${provider}/${account}/webhooks`, { ...params }), {
            signal,
          }),
        ),
      placeholderData: keepPreviousData,
    }),
  detail: (provider: ProviderId, account: string, id: string) =>
    queryOptions({
      queryKey: [...webhookQueries.all(provider, account), "detail", id] as const,
      queryFn: async ({ signal }) =>
        webhookSchema.parse(
          await apiFetch(`/api/${provider}/${account}/webhooks/${id}`, { signal }),
        ),
    }),
  /** The webhook's last 20 pings (the edit page's Recent pings). */
  pings: (provider: ProviderId, account: string, id: string) =>
    queryOptions({
      queryKey: [...webhookQueries.all(provider, account), "pings", id] as const,
      queryFn: async ({ signal }) =>
        pingHistorySchema.parse(
          await apiFetch(`/api/${provider}/${account}/webhooks/${id}/pings`, { signal }),
        ).data,
    }),
};

export const eventQueries = {
  catalogue: (provider: ProviderId) =>
    queryOptions({
      queryKey: ["events", provider] as const,
      queryFn: async ({ signal }) =>
        eventCatalogueSchema.parse(await apiFetch(`/api/${provider}/events`, { signal })),
      staleTime: Infinity,
    }),
};
