import { ProviderAccounts } from "@/components/accounts/provider-accounts";
import { getConsoleInfo } from "@/lib/webhooks/service";

export default function HomePage() {
  const { providers } = getConsoleInfo();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Providers</h1>
        <p className="text-sm text-slate-600">
          The payment providers this console manages, and the accounts you may open.
        </p>
      </div>
      {providers.length === 0 ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm">
          No provider is configured. Set CONEKTA_API_KEY or RAZORPAY_KEY_ID and RAZORPAY_KEY_SECRET,
          or run on the sandbox (see the README).
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
