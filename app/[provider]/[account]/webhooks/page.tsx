import { Suspense } from "react";
import { WebhooksView } from "@/components/webhooks/webhooks-view";
import { getLanguage } from "@/lib/i18n/server";
import { findAccount } from "@/lib/webhooks/accounts";
import { resolveAccountPage } from "@/lib/webhooks/page-context";

export default async function WebhooksPage({
  params,
}: PageProps<"/[provider]/[account]/webhooks">) {
  const { provider, account } = await resolveAccountPage(await params);
  const current = await findAccount(provider.id, { account, language: await getLanguage() });
  return (
    <Suspense>
      <WebhooksView
        provider={provider.id}
        providerName={provider.displayName}
        account={account}
        currentAccount={current}
      />
    </Suspense>
  );
}
