import { conektaDescriptor } from "./conekta/descriptor";
import type { ProviderDescriptor } from "./descriptor";
import { razorpayDescriptor } from "./razorpay/descriptor";

/**
 * The providers the console knows, as the browser may see them: each one's descriptor. Their
 * configuration (which reads the environment with zod) is in ./definitions.ts, for the server.
 */
const descriptors: ProviderDescriptor[] = [conektaDescriptor, razorpayDescriptor];

export function listDescriptors(): ProviderDescriptor[] {
  return [...descriptors];
}

export function findDescriptor(id: string): ProviderDescriptor | undefined {
  return descriptors.find((d) => d.id === id);
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

/** Adds a provider's descriptor at run time (./definitions.ts `addDefinition` calls it). */
export function addDescriptor(descriptor: ProviderDescriptor): void {
  if (!isProviderId(descriptor.id)) descriptors.push(descriptor);
}
