import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { UserMenu } from "@/components/auth/user-menu";
import { LanguageSwitcher } from "@/components/layout/language-switcher";
import { SandboxBanner } from "@/components/layout/sandbox-banner";
import { can } from "@/lib/auth/permissions";
import { getPageUser } from "@/lib/auth/page";
import { getTranslator } from "@/lib/i18n/server";
import { getTheme } from "@/lib/theme/server";
import { getConsoleInfo } from "@/lib/webhooks/service";
import { messages } from "@/lib/i18n/messages";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: "Webhook Console",
  description: "Manage Conekta and Razorpay webhook registrations in one place.",
};

// Configuration and language are read at request time, never baked into the build.
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { sandbox } = getConsoleInfo();
  const [{ locale, t }, user] = await Promise.all([getTranslator(), getPageUser()]);
  const me = user && { id: user.id, email: user.email, name: user.name, role: user.role };
  return (
    <html lang={locale} data-theme={await getTheme()}>
      <body className="min-h-screen">
        <Providers language={locale} messages={messages[locale]} me={me}>
          {sandbox && (
            <SandboxBanner
              short={t.rich("common.sandboxBannerShort", {
                strong: (text) => <strong>{text}</strong>,
              })}
            >
              {t.rich("common.sandboxBanner", { strong: (text) => <strong>{text}</strong> })}
            </SandboxBanner>
          )}
          <header className="border-b border-slate-200 bg-white">
            <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
              <Link
                href="/"
                // `/` redirects to an account: nothing worth prefetching on every page.
                prefetch={false}
                className="text-lg font-semibold whitespace-nowrap text-slate-900"
              >
                {t("common.appName")}
              </Link>
              <nav
                aria-label={t("common.mainNav")}
                className="flex min-w-0 flex-wrap items-center gap-x-4 gap-y-2 text-sm"
              >
                {user && can(user.role, "audit:read") && (
                  <Link href="/audit" className="text-slate-700 hover:text-slate-900">
                    {t("common.auditLink")}
                  </Link>
                )}
                {user && can(user.role, "users:manage") && (
                  <Link href="/users" className="text-slate-700 hover:text-slate-900">
                    {t("common.usersLink")}
                  </Link>
                )}
                <LanguageSwitcher />
                <UserMenu />
              </nav>
            </div>
          </header>
          <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
