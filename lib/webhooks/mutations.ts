import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "./api-client";
import { pingResultSchema, webhookSchema, type ProviderId, type Webhook } from "./model";
import { webhookQueries } from "./queries";
import type { CreateWebhookInput, UpdateWebhookInput } from "./schemas";

/**
 * Mutation hooks keep the cache right (lists invalidated, the edited webhook written back); what the
 * user is told (toasts) stays at the call site.
 */

export function useCreateWebhook(provider: ProviderId, account: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: CreateWebhookInput) =>
      webhookSchema.parse(
        await apiFetch(`/api/${provider}/${account}/webhooks`, {
          method: "POST",
          body: JSON.stringify(input),
        }),
      ),
    onSuccess: async (webhook) => {
      queryClient.setQueryData(
        webhookQueries.detail(provider, account, webhook.id).queryKey,
        webhook,
      );
      await queryClient.invalidateQueries({ queryKey: webhookQueries.lists(provider, account) });
    },
  });
}

export function useUpdateWebhook(provider: ProviderId, account: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: UpdateWebhookInput) =>
      webhookSchema.parse(
        await apiFetch(`/api/${provider}/${account}/webhooks/${id}`, {
          method: "PATCH",
          body: JSON.stringify(input),
        }),
      ),
    onSuccess: async (webhook) => {
      queryClient.setQueryData(webhookQueries.detail(provider, account, id).queryKey, webhook);
      await queryClient.invalidateQueries({ queryKey: webhookQueries.lists(provider, account) });
    },
  });
}

export function useDeleteWebhook(provider: ProviderId, account: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (webhook: Pick<Webhook, "id">) => {
      await apiFetch(`/api/${provider}/${account}/webhooks/${webhook.id}`, { method: "DELETE" });
    },
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: webhookQueries.lists(provider, account) }),
  });
}

export function usePingWebhook(provider: ProviderId, account: string) {
  return useMutation({
    mutationFn: async ({ id, secret }: { id: string; secret?: string }) =>
      pingResultSchema.parse(
        await apiFetch(`/api/${provider}/${account}/webhooks/${id}/ping`, {
          method: "POST",
          ...(secret ? { body: JSON.stringify({ secret }) } : {}),
        }),
      ),
  });
}
