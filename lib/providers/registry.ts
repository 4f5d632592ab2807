import "server-only";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { listDescriptors } from "./catalogue";
import { addDefinition, type ProviderDefinition } from "./definitions";
import { createConektaAdapter } from "./conekta/adapter";
import type { ConektaEnvConfig } from "./conekta/env";
import { createRazorpayAdapter } from "./razorpay/adapter";
import type { RazorpayEnvConfig } from "./razorpay/env";
import { ownSandboxAt } from "@/lib/sandbox/running";
import type { ProviderAdapter } from "./types";

/** What every adapter gets besides its own configuration. */
export interface AdapterContext {
  timeoutMs: number;
  /**
   * The origin of the bundled sandbox this process runs at a provider's API base, or null. Only
   * for that sandbox may a console-sent ping go to a private address, and only to its receivers:
   * SANDBOX=on with the API base pointing elsewhere keeps the guard.
   */
  ownSandbox: (apiBase: string) => string | null;
}

/** How to build a provider's adapter from the configuration its env schema made (lib/providers/<name>/env.ts). */
export type AdapterFactory = (config: never, context: AdapterContext) => ProviderAdapter;

/** One line per provider: its adapter, from its configuration. */
const factories: Record<string, AdapterFactory> = {
  conekta: (config: ConektaEnvConfig, { timeoutMs }) =>
    createConektaAdapter({ ...config, timeoutMs }),
  razorpay: (config: RazorpayEnvConfig, c) => {
    const sandbox = c.ownSandbox(config.apiBase);
    return createRazorpayAdapter({
      ...config,
      timeoutMs: c.timeoutMs,
      allowPrivatePingTargets: sandbox !== null,
      privatePingPrefix: sandbox ? `${sandbox}/receivers/` : undefined,
    });
  },
};

/** Adds a provider at run time, as a line in catalogue.ts and one above would (used by tests). */
export function registerProvider(definition: ProviderDefinition, factory: AdapterFactory): void {
  addDefinition(definition);
  factories[definition.descriptor.id] = factory;
}

const adapters = new Map<string, ProviderAdapter | null>();

function adapterFor(id: string): ProviderAdapter | null {
  if (!adapters.has(id)) {
    const env = getEnv();
    const config = env.providers[id]?.config;
    const factory = factories[id];
    adapters.set(
      id,
      config && factory
        ? factory(config as never, { timeoutMs: env.timeoutMs, ownSandbox: ownSandboxAt })
        : null,
    );
  }
  return adapters.get(id) ?? null;
}

/** The configured providers, in the order of the console's menu. */
export function listProviders(): ProviderAdapter[] {
  return listDescriptors()
    .map((d) => adapterFor(d.id))
    .filter((a): a is ProviderAdapter => a !== null);
}

export function getProvider(id: string): ProviderAdapter {
  const adapter = adapterFor(id);
  if (!adapter) throw AppError.of("not_found", "providerNotConfigured", { provider: id });
  return adapter;
}
