import { Suspense } from "react";
import { WebhooksView } from "@/components/webhooks/webhooks-view";
import { resolveAccountPage } from "@/lib/webhooks/page-context";

export default async function WebhooksPage({
  params,
}: PageProps<"/[provider]/[account]/webhooks">) {
  const { provider, account } = await resolveAccountPage(await params);
  return (
    <Suspense>
      <WebhooksView provider={provider.id} providerName={provider.displayName} account={account} />
    </Suspense>
  );
}
