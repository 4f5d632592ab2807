import { conektaDescriptor } from "./conekta/descriptor";
import { conektaEnv } from "./conekta/env";
import type { ProviderDescriptor, ProviderEnv } from "./descriptor";
import { razorpayDescriptor } from "./razorpay/descriptor";
import { razorpayEnv } from "./razorpay/env";

/**
 * The providers the console knows, browser-safe: each one's descriptor and configuration. A new
 * provider is a folder under lib/providers plus one line here and one in registry.ts (its adapter).
 */
export interface ProviderDefinition {
  descriptor: ProviderDescriptor;
  env: ProviderEnv<unknown>;
}

const definitions: ProviderDefinition[] = [
  { descriptor: conektaDescriptor, env: conektaEnv },
  { descriptor: razorpayDescriptor, env: razorpayEnv },
];

export function listDefinitions(): readonly ProviderDefinition[] {
  return definitions;
}

export function listDescriptors(): ProviderDescriptor[] {
  return definitions.map((d) => d.descriptor);
}

export function findDescriptor(id: string): ProviderDescriptor | undefined {
  return definitions.find((d) => d.descriptor.id === id)?.descriptor;
}

/** A known provider's descriptor; for ids that passed `providerIdSchema`. */
export function getDescriptor(id: string): ProviderDescriptor {
  const descriptor = findDescriptor(id);
  if (!descriptor) throw new Error(`unknown provider "${id}"`);
  return descriptor;
}

export function isProviderId(id: string): boolean {
  return findDescriptor(id) !== undefined;
}

/**
 * Adds a provider at run time, the same as a line above would (the registry's `registerProvider`
 * calls it; tests use it for a fake provider).
 */
export function addDefinition(definition: ProviderDefinition): void {
  if (isProviderId(definition.descriptor.id)) return;
  definitions.push(definition);
}
