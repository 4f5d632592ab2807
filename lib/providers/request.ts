import "server-only";
import { AppError } from "@/lib/http/errors";

/**
 * Runs one provider call and turns transport failures into the console's codes: a timeout is 504,
 * a refused or reset connection and a reply that is not JSON are 502. Provider error replies are
 * mapped by each adapter, which knows the provider's error shape.
 */
export async function callProvider<T>(providerName: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
      throw new AppError(
        "provider_timeout",
        `${providerName} did not answer in time. Try again in a moment.`,
        {
          cause: error,
        },
      );
    }
    if (error instanceof SyntaxError) {
      throw new AppError(
        "provider_error",
        `${providerName} sent a reply the console could not read.`,
        { cause: error },
      );
    }
    throw new AppError(
      "provider_error",
      `The console could not reach ${providerName}. Try again in a moment.`,
      {
        cause: error,
      },
    );
  }
}

/** A fetch that gives up after `timeoutMs` unless the caller brought its own signal. */
export function fetchWithTimeout(timeoutMs: number): typeof fetch {
  return (input, init) =>
    fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) });
}

export function retryAfterSeconds(headers: Headers): number | undefined {
  const value = headers.get("retry-after");
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
