"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "use-intl";
import { ApiError } from "@/lib/webhooks/api-client";
import type { ProviderId } from "@/lib/webhooks/model";
import { webhookQueries } from "@/lib/webhooks/queries";
import type { EventGroup, UrlRuleContext } from "@/lib/webhooks/schemas";
import { DeleteWebhookButton } from "./delete-webhook-button";
import { ListError, ListLoading } from "./list-states";
import { WebhookForm } from "./webhook-form";

/** Loads one webhook and shows it in the form, with its own delete. */
export function EditWebhook(props: {
  provider: ProviderId;
  account: string;
  id: string;
  catalogue: EventGroup[];
  rules: UrlRuleContext;
}) {
  const t = useTranslations("form");
  const router = useRouter();
  const { provider, account, id } = props;
  const webhook = useQuery(webhookQueries.detail(provider, account, id));

  if (webhook.isPending) return <ListLoading />;
  if (webhook.isError) {
    if (webhook.error instanceof ApiError && webhook.error.status === 404) {
      return (
        <p role="alert" className="rounded-md bg-amber-50 p-4 text-sm text-amber-900">
          {t("notFound")}
        </p>
      );
    }
    return (
      <ListError
        error={webhook.error}
        onRetry={() => void webhook.refetch()}
        retrying={webhook.isFetching}
      />
    );
  }
  return (
    <div className="space-y-6">
      <WebhookForm {...props} webhook={webhook.data} />
      <div className="max-w-3xl border-t border-slate-200 pt-4">
        <DeleteWebhookButton
          provider={provider}
          account={account}
          webhook={webhook.data}
          onDeleted={() => router.push(`/${provider}/${account}/webhooks`)}
        />
      </div>
    </div>
  );
}
