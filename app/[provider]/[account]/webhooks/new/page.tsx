import { FormPageHeader } from "@/components/webhooks/form-page-header";
import { WebhookForm } from "@/components/webhooks/webhook-form";
import { getTranslator } from "@/lib/i18n/server";
import { formCrumbs, resolveFormPage } from "@/lib/webhooks/page-context";

export default async function NewWebhookPage({
  params,
}: PageProps<"/[provider]/[account]/webhooks/new">) {
  const { provider, account, catalogue, rules } = await resolveFormPage(await params);
  const { t } = await getTranslator();
  return (
    <div className="space-y-6">
      <FormPageHeader
        title={t("form.newTitle")}
        backHref={`/${provider.id}/${account}/webhooks`}
        backLabel={t("form.backToList")}
        crumbs={await formCrumbs(provider, account, t("form.newTitle"))}
        crumbsLabel={t("common.breadcrumb")}
      />
      <WebhookForm provider={provider.id} account={account} catalogue={catalogue} rules={rules} />
    </div>
  );
}
