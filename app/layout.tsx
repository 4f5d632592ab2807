import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { SandboxBanner } from "@/components/layout/sandbox-banner";
import { getConsoleInfo } from "@/lib/webhooks/service";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: "Webhook Console",
  description: "Manage Conekta and Razorpay webhook registrations in one place.",
};

// Configuration is read at request time, never baked into the build.
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: ReactNode }) {
  const { sandbox } = getConsoleInfo();
  return (
    <html lang="en">
      <body className="min-h-screen">
        {sandbox && <SandboxBanner />}
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-6xl items-center justify-between px-4 py-3">
            <Link href="/" className="text-lg font-semibold text-slate-900">
              Webhook Console
            </Link>
          </div>
        </header>
        <Providers>
          <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
