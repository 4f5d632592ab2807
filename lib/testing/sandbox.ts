// Test support (not shipped code): the bundled sandbox for one test file.
import { afterAll, beforeAll } from "vitest";
import { AppError } from "@/lib/http/errors";
import { startSandbox, type Sandbox, type SandboxOptions } from "@/lib/sandbox/server";

export { recordProviderCalls, type SentRequest } from "./provider-calls";

export const SANDBOX_TEST_KEYS = {
  conektaApiKey: "key_test",
  razorpayKeyId: "rzp_test_x",
  razorpayKeySecret: "s",
};

/**
 * Starts a sandbox (loopback webhook URLs allowed) before the block's tests and closes it after;
 * `extraWebhooks` fills accounts past a page (lib/sandbox/context.ts).
 */
export function useSandbox(options: Pick<SandboxOptions, "extraWebhooks"> = {}): () => Sandbox {
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({ allowLoopback: true, keys: SANDBOX_TEST_KEYS, ...options });
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  return () => {
    if (!sandbox) throw new Error("sandbox not started");
    return sandbox;
  };
}

/** A string that must be there, e.g. a page cursor. */
export function present(value: string | null | undefined, what = "value"): string {
  if (value === null || value === undefined) throw new Error(`expected a ${what}`);
  return value;
}

/** The AppError a call must fail with. */
export async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}
