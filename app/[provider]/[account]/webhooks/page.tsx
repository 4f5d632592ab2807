import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
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
 * How long the page waits for the provider before it is sent without the list: a slow or failing
 * provider must not hold the whole page back (the browser then fetches the list and shows its
 * skeleton, error and Try again).
 */
const PREFETCH_DEADLINE_MS = 1_000;

/**
 * The first page of the plain list, fetched here and handed to the browser's query cache, so that
 * the webhooks are in the first HTML (no second round trip before the rows show). When the
 * provider fails or is slower than the deadline, the page is sent without it.
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
    let timer: NodeJS.Timeout | undefined;
    const reply = await Promise.race([
      listWebhooks(provider, { account, language, limit: 20 }, "list-prefetch"),
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), PREFETCH_DEADLINE_MS);
      }),
    ]).finally(() => clearTimeout(timer));
    if (!reply) return dehydrate(queryClient);
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
    // No Suspense boundary of its own: the list hydrates with the rest of the page, so its server-
    // rendered search box and rows never take input before React does (text typed into a box
    // hydrated later would be lost). Pages render per request, so useSearchParams needs none.
    <HydrationBoundary state={state}>
      <WebhooksView
        provider={provider.id}
        providerName={provider.displayName}
        account={account}
        currentAccount={current}
      />
    </HydrationBoundary>
  );
}
