import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch, apiJson, ApiError } from "./api-client";
import type { PingResult, PingSummary, ProviderId, Webhook } from "./model";
import { webhookQueries, type WebhookList } from "./queries";
import type { CreateWebhookInput, UpdateWebhookInput } from "./schemas";

/**
 * Mutation hooks keep the cache right (lists invalidated, the edited webhook written back); what the
 * user is told (toasts) stays at the call site.
 */

/**
 * A create with its `Idempotency-Key`: the caller keeps one key across the retries of one
 * submission, so that a retry after a lost reply gets the webhook made the first time.
 */
export interface CreateRequest {
  input: CreateWebhookInput;
  idempotencyKey: string;
}

export function useCreateWebhook(provider: ProviderId, account: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ input, idempotencyKey }: CreateRequest) =>
      apiJson<Webhook>(`/api/${provider}/${account}/webhooks`, {
        method: "POST",
        headers: { "idempotency-key": idempotencyKey },
        body: JSON.stringify(input),
      }),
    onSuccess: (webhook) => {
      queryClient.setQueryData(
        webhookQueries.detail(provider, account, webhook.id).queryKey,
        webhook,
      );
    },
    // Settled, not succeeded: a create that failed half-way (the webhook exists without its
    // events) has changed the list too.
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: webhookQueries.lists(provider, account) }),
  });
}

export function useUpdateWebhook(provider: ProviderId, account: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: UpdateWebhookInput) =>
      apiJson<Webhook>(`/api/${provider}/${account}/webhooks/${id}`, {
        method: "PATCH",
        body: JSON.stringify(input),
      }),
    onSuccess: (webhook) => {
      queryClient.setQueryData(webhookQueries.detail(provider, account, id).queryKey, webhook);
    },
    // A refused edit may still have changed something at the provider (or found the webhook gone).
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: webhookQueries.lists(provider, account) }),
  });
}

/** A cached list page without this webhook (and the quota one lower); a page without it is left as is. */
export function withoutWebhook(list: WebhookList | undefined, id: string): WebhookList | undefined {
  if (!list?.data.some((webhook) => webhook.id === id)) return list;
  const { [id]: _gone, ...lastPings } = list.lastPings;
  return {
    ...list,
    data: list.data.filter((webhook) => webhook.id !== id),
    quota: { ...list.quota, used: Math.max(0, list.quota.used - 1) },
    lastPings,
  };
}

/** Delete is optimistic: the row leaves every cached page at once and comes back if it fails. */
export function useDeleteWebhook(provider: ProviderId, account: string) {
  const queryClient = useQueryClient();
  const lists = { queryKey: webhookQueries.lists(provider, account) };
  return useMutation({
    mutationFn: async (webhook: Pick<Webhook, "id">) => {
      await apiFetch(`/api/${provider}/${account}/webhooks/${webhook.id}`, { method: "DELETE" });
    },
    onMutate: async ({ id }) => {
      // A list request already on its way would put the row back when it lands.
      await queryClient.cancelQueries(lists);
      const before = queryClient.getQueriesData<WebhookList>(lists);
      queryClient.setQueriesData<WebhookList>(lists, (list) => withoutWebhook(list, id));
      return { before };
    },
    onError: (_error, _webhook, context) => {
      for (const [queryKey, list] of context?.before ?? [])
        queryClient.setQueryData(queryKey, list);
    },
    onSuccess: (_result, { id }) => {
      queryClient.removeQueries({
        queryKey: webhookQueries.detail(provider, account, id).queryKey,
        exact: true,
      });
      queryClient.removeQueries({
        queryKey: webhookQueries.pings(provider, account, id).queryKey,
        exact: true,
      });
    },
    onSettled: () => queryClient.invalidateQueries(lists),
  });
}

/** The list's Last ping for a ping that just returned, as the server has just stored it. */
function toLastPing({ message: _message, ...report }: PingResult, by: string | null): PingSummary {
  return { ...report, by };
}

/** A cached list page with this webhook's Last ping replaced; a page without it is left as is. */
export function withLastPing(
  list: WebhookList | undefined,
  id: string,
  ping: PingSummary,
): WebhookList | undefined {
  if (!list?.data.some((webhook) => webhook.id === id)) return list;
  return { ...list, lastPings: { ...list.lastPings, [id]: ping } };
}

/** Refusals the console answers itself leave no stored ping; anything else may have one. */
const NOT_STORED = new Set([401, 403, 404, 429]);

/** `by`: the signed-in user's email, the sender the server stores with each ping. */
export function usePingWebhook(provider: ProviderId, account: string, by: string | null = null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, secret }: { id: string; secret?: string }) =>
      apiJson<PingResult>(`/api/${provider}/${account}/webhooks/${id}/ping`, {
        method: "POST",
        ...(secret ? { body: JSON.stringify({ secret }) } : {}),
      }),
    onSuccess: (result, { id }) => {
      // The row's Last ping changes at once, on every cached page that shows this webhook,
      // without asking the provider for the list again.
      queryClient.setQueriesData<WebhookList>(
        { queryKey: webhookQueries.lists(provider, account) },
        (list) => withLastPing(list, id, toLastPing(result, by)),
      );
      // Not awaited: the toast need not wait for the history to reload.
      void queryClient.invalidateQueries({
        queryKey: webhookQueries.pings(provider, account, id).queryKey,
      });
    },
    onError: (error, { id }) => {
      // A ping the provider failed is stored as an error: the row and the history show it.
      if (error instanceof ApiError && NOT_STORED.has(error.status)) return;
      void queryClient.invalidateQueries({
        queryKey: webhookQueries.pings(provider, account, id).queryKey,
      });
      void queryClient.invalidateQueries({ queryKey: webhookQueries.lists(provider, account) });
    },
  });
}
