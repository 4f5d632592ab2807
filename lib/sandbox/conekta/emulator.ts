import type { EmulatorContext } from "../context";
import type { Emulator } from "../server";

// Placeholder: replaced by the full emulator.
export function createConektaEmulator(_context: EmulatorContext): Emulator {
  return {
    name: "conekta",
    contentType: "application/json; charset=utf-8",
    handle: () => Promise.resolve({ status: 501, body: { error: "not implemented" } }),
    accountOf: () => "default",
    errorBody: (status) => ({ status }),
    reset: () => undefined,
  };
}
