import { ProviderAccounts } from "@/components/accounts/provider-accounts";
import { requirePageUser } from "@/lib/auth/page";
import { getTranslator } from "@/lib/i18n/server";
import { getConsoleInfo } from "@/lib/webhooks/service";

export default async function HomePage() {
  await requirePageUser();
  const { providers } = getConsoleInfo();
  const { t } = await getTranslator();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("home.title")}</h1>
        <p className="text-sm text-slate-600">{t("home.intro")}</p>
      </div>
      {providers.length === 0 ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm">
          {t("home.noProviders")}
        </p>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {providers.map((p) => (
            <ProviderAccounts key={p.id} provider={p.id} displayName={p.displayName} />
          ))}
        </div>
      )}
    </div>
  );
}
