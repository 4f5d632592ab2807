import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { Suspense } from "react";
import { WebhooksView } from "@/components/webhooks/webhooks-view";
import { getLanguage } from "@/lib/i18n/server";
import { logError } from "@/lib/http/log";
import { findAccount } from "@/lib/webhooks/accounts";
import type { Language } from "@/lib/http/language";
import type { ProviderId } from "@/lib/webhooks/model";
import { resolveAccountPage } from "@/lib/webhooks/page-context";
import { webhookQueries, type WebhookList } from "@/lib/webhooks/queries";
import { listWebhooks } from "@/lib/webhooks/service";

/** The list's own query parameters: a view with any of them is fetched by the browser. */
const LIST_PARAMS = ["q", "cursor", "limit", "from", "to"];

/**
 * The first page of the plain list, fetched here and handed to the browser's query cache, so that
 * the webhooks are in the first HTML (no second round trip before the rows show). When the
 * provider fails, the page still renders and the browser shows the list's error with Try again.
 */
async function prefetchFirstPage(provider: ProviderId, account: string, language: Language) {
  const queryClient = new QueryClient();
  // The same key the view asks for (components/webhooks/use-list-params.ts), with nothing set.
  const params = {
    q: undefined,
    limit: undefined,
    cursor: undefined,
    from: undefined,
    to: undefined,
  };
  try {
    const reply = await listWebhooks(provider, { account, language, limit: 20 });
    // As the API would send it: JSON, not the service's objects.
    const data = JSON.parse(JSON.stringify(reply)) as WebhookList;
    queryClient.setQueryData(webhookQueries.list(provider, account, params).queryKey, data);
  } catch (error) {
    logError("list-prefetch", error);
  }
  return dehydrate(queryClient);
}

export default async function WebhooksPage({
  params,
  searchParams,
}: PageProps<"/[provider]/[account]/webhooks">) {
  const { provider, account } = await resolveAccountPage(await params);
  const language = await getLanguage();
  const query = await searchParams;
  const plain = !LIST_PARAMS.some((name) => query[name] !== undefined);
  const [current, state] = await Promise.all([
    findAccount(provider.id, { account, language }),
    plain ? prefetchFirstPage(provider.id, account, language) : undefined,
  ]);
  return (
    <HydrationBoundary state={state}>
      <Suspense>
        <WebhooksView
          provider={provider.id}
          providerName={provider.displayName}
          account={account}
          currentAccount={current}
        />
      </Suspense>
    </HydrationBoundary>
  );
}
