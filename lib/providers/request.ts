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
      throw AppError.of(
        "provider_timeout",
        "providerTimeout",
        { provider: providerName },
        { cause: error },
      );
    }
    if (error instanceof SyntaxError) {
      throw AppError.of(
        "provider_error",
        "providerNonsense",
        { provider: providerName },
        { cause: error },
      );
    }
    throw AppError.of(
      "provider_error",
      "providerUnreachable",
      { provider: providerName },
      { cause: error },
    );
  }
}

/**
 * A fetch that gives up after `timeoutMs` unless the caller brought its own signal.
 *
 * A `Request` (what openapi-fetch passes) is sent as its URL and plain options: Next's server-side
 * fetch rebuilds a `Request` input into new ones, each following the previous one's signal through
 * weakly held links, and the timeout then now and then never reached the real request (the call
 * waited as long as the provider did). The timer is our own for the same reason, and it keeps
 * running after the headers so that it also covers reading the body.
 */
export function fetchWithTimeout(timeoutMs: number): typeof fetch {
  return async (input, init) => {
    if (init?.signal) return fetch(input, init);
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new DOMException(`No answer in ${timeoutMs} ms.`, "TimeoutError")),
      timeoutMs,
    );
    // Never keeps the process alive on its own; firing after the reply was read changes nothing.
    timer.unref();
    if (!(input instanceof Request)) return fetch(input, { ...init, signal: controller.signal });
    const request = init ? new Request(input, init) : input;
    const body =
      request.method === "GET" || request.method === "HEAD" ? null : await request.arrayBuffer();
    return fetch(request.url, {
      method: request.method,
      headers: request.headers,
      // No body stays no body (Conekta's test endpoint refuses even an empty one).
      body: body && body.byteLength > 0 ? body : undefined,
      redirect: request.redirect,
      signal: controller.signal,
    });
  };
}

export function retryAfterSeconds(headers: Headers): number | undefined {
  const value = headers.get("retry-after");
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
