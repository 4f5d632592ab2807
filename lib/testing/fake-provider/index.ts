import { registerProvider } from "@/lib/providers/registry";
import { createFakepayAdapter } from "./adapter";
import { fakepayDescriptor } from "./descriptor";
import { fakepayEnv } from "./env";

/** The one line a real provider adds to the registries, made at run time for the test. */
export function registerFakepay(): void {
  registerProvider({ descriptor: fakepayDescriptor, env: fakepayEnv }, createFakepayAdapter);
}
