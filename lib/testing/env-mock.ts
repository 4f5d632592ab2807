// Test support (not shipped code): the console's configuration as a test file sets it, for route
// tests that point the console at their own sandbox. In the test file:
//   vi.mock("@/lib/env", async (importOriginal) =>
//     (await import("@/lib/testing/env-mock")).withTestEnv(importOriginal),
//   );
// and `setTestEnv(parseEnv({...}))` once the sandbox listens.
import type * as envModule from "@/lib/env";
import type { ConsoleEnv } from "@/lib/env";

let current: ConsoleEnv | undefined;

export function setTestEnv(env: ConsoleEnv): void {
  current = env;
}

/** The real lib/env, whose `getEnv` answers what the test set. */
export async function withTestEnv(importOriginal: <T>() => Promise<T>) {
  const actual = await importOriginal<typeof envModule>();
  return {
    ...actual,
    getEnv: (): ConsoleEnv => {
      if (!current) throw new Error("the console's env is set in beforeAll (setTestEnv)");
      return current;
    },
  };
}
