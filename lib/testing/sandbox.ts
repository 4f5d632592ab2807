// Test support (not shipped code): the bundled sandbox for one test file, and a recorder of the
// requests an adapter sends to it.
import { afterAll, beforeAll, vi } from "vitest";
import { AppError } from "@/lib/http/errors";
import { startSandbox, type Sandbox, type SandboxOptions } from "@/lib/sandbox/server";

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

export interface SentRequest {
  method: string;
  url: URL;
  /** Lower-case names, as `Headers` gives them. */
  headers: Record<string, string>;
  /** The raw body; `undefined` when there was none. */
  body: string | undefined;
}

/**
 * Records every `fetch` whose URL starts with `prefix`, and lets it (and any other) through.
 * `restore()` puts the real `fetch` back.
 */
export function recordFetch(prefix: string) {
  const sent: SentRequest[] = [];
  const realFetch = globalThis.fetch;
  const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input, init);
    if (request.url.startsWith(prefix)) {
      const body = await request.clone().text();
      sent.push({
        method: request.method,
        url: new URL(request.url),
        headers: Object.fromEntries(request.headers),
        body: body === "" ? undefined : body,
      });
    }
    return realFetch(request);
  });
  /** `fetch` unrecorded: for a test's own look at the sandbox. */
  const unrecorded: typeof fetch = (input, init) => realFetch(input, init);
  return { sent, spy, unrecorded, restore: () => spy.mockRestore() };
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
