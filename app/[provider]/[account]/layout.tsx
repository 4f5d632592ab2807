import Link from "next/link";
import { AccountSwitcher } from "@/components/accounts/account-switcher";
import { ProviderMark } from "@/components/layout/provider-mark";
import { getLanguage, getTranslator } from "@/lib/i18n/server";
import { cn } from "@/lib/utils/cn";
import { findAccount } from "@/lib/webhooks/accounts";
import { providersOpenTo, resolveAccountPage } from "@/lib/webhooks/page-context";
import { visitAccount } from "@/lib/webhooks/recent-accounts";

/**
 * The shell of every account page (list, new, edit): which provider and account this is, a switch
 * to the other providers and the "Account" switcher. It is a layout, so it stays put while the
 * user moves between the account's pages.
 */
export default async function AccountLayout({
  children,
  params,
}: LayoutProps<"/[provider]/[account]">) {
  const { provider, account, user } = await resolveAccountPage(await params);
  const [current, { t }] = await Promise.all([
    findAccount(provider.id, { account, language: await getLanguage() }),
    getTranslator(),
  ]);
  const recent = await visitAccount(user, provider.id, current);
  const providers = providersOpenTo(user);
  return (
    <>
      <div className="mb-6 flex flex-wrap items-end gap-x-6 gap-y-3 border-b border-slate-200 pb-4">
        <nav aria-label={t("common.providerNav")}>
          <ul className="flex gap-1 rounded-lg bg-slate-100 p-1">
            {providers.map((p) => {
              const here = p.id === provider.id;
              return (
                <li key={p.id}>
                  <Link
                    href={`/${p.id}`}
                    // It redirects to the provider's first account: nothing to prefetch.
                    prefetch={false}
                    aria-current={here ? "true" : undefined}
                    className={cn(
                      "flex h-8 items-center gap-2 rounded-md px-2.5 text-sm font-medium",
                      here
                        ? "bg-white text-slate-900 shadow-sm"
                        : "text-slate-600 hover:text-slate-900",
                    )}
                  >
                    <ProviderMark provider={p.id} className="size-5" />
                    {p.displayName}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <AccountSwitcher
          provider={provider.id}
          account={account}
          currentAccount={current}
          recent={recent}
        />
        <Link
          href="/accounts"
          prefetch={false}
          className="pb-2 text-sm text-indigo-700 hover:underline"
        >
          {t("webhooks.browseAllAccounts")}
        </Link>
      </div>
      {children}
    </>
  );
}
