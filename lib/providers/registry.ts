import "server-only";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { providerIdSchema, type ProviderId } from "@/lib/webhooks/model";
import { createConektaAdapter } from "./conekta/adapter";
import { createRazorpayAdapter } from "./razorpay/adapter";
import type { ProviderAdapter } from "./types";

/** One line per provider: how to build its adapter from the configuration, or null when it is off. */
const factories: Record<ProviderId, () => ProviderAdapter | null> = {
  conekta: () => {
    const { conekta, timeoutMs } = getEnv();
    return conekta && createConektaAdapter({ ...conekta, timeoutMs });
  },
  razorpay: () => {
    const { razorpay, timeoutMs, sandbox } = getEnv();
    return (
      razorpay &&
      createRazorpayAdapter({ ...razorpay, timeoutMs, allowPrivatePingTargets: sandbox })
    );
  },
};

const adapters = new Map<ProviderId, ProviderAdapter | null>();

function adapterFor(id: ProviderId): ProviderAdapter | null {
  if (!adapters.has(id)) adapters.set(id, factories[id]());
  return adapters.get(id) ?? null;
}

/** The configured providers, in the order of the console's menu. */
export function listProviders(): ProviderAdapter[] {
  return providerIdSchema.options.map(adapterFor).filter((a): a is ProviderAdapter => a !== null);
}

export function getProvider(id: ProviderId): ProviderAdapter {
  const adapter = adapterFor(id);
  if (!adapter) throw AppError.of("not_found", "providerNotConfigured", { provider: id });
  return adapter;
}
