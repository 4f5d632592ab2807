import { notFound } from "next/navigation";
import { WebhookHistory } from "@/components/audit/webhook-history";
import { EditWebhook } from "@/components/webhooks/edit-webhook";
import { FormPageHeader } from "@/components/webhooks/form-page-header";
import { PingHistory } from "@/components/webhooks/ping-history";
import { can } from "@/lib/auth/permissions";
import { getTranslator } from "@/lib/i18n/server";
import { formCrumbs, resolveFormPage } from "@/lib/webhooks/page-context";

export default async function EditWebhookPage({
  params,
}: PageProps<"/[provider]/[account]/webhooks/[id]">) {
  const { provider, account, id, catalogue, rules, user } = await resolveFormPage(await params);
  if (!id) notFound();
  const { t } = await getTranslator();
  return (
    <div className="space-y-6">
      <FormPageHeader
        title={t("form.editTitle")}
        backHref={`/${provider.id}/${account}/webhooks`}
        backLabel={t("form.backToList")}
        crumbs={await formCrumbs(provider, account, id)}
        crumbsLabel={t("common.breadcrumb")}
      />
      <EditWebhook
        provider={provider.id}
        account={account}
        id={id}
        catalogue={catalogue}
        rules={rules}
      />
      <PingHistory provider={provider.id} account={account} id={id} />
      {can(user.role, "audit:read") && (
        <WebhookHistory provider={provider.id} account={account} id={id} />
      )}
    </div>
  );
}
