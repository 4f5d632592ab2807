import { addDescriptor, findDescriptor } from "./catalogue";
import { conektaDescriptor } from "./conekta/descriptor";
import { conektaEnv } from "./conekta/env";
import type { ProviderDescriptor, ProviderEnv } from "./descriptor";
import { razorpayDescriptor } from "./razorpay/descriptor";
import { razorpayEnv } from "./razorpay/env";

/**
 * Each provider's descriptor and configuration, for the server (lib/env.ts reads the environment
 * with these). A new provider is a folder under lib/providers plus one line here, one in
 * catalogue.ts and one in registry.ts (its adapter).
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

/**
 * Adds a provider at run time, the same as a line above would (the registry's `registerProvider`
 * calls it; tests use it for a fake provider).
 */
export function addDefinition(definition: ProviderDefinition): void {
  if (findDescriptor(definition.descriptor.id)) return;
  addDescriptor(definition.descriptor);
  definitions.push(definition);
}
