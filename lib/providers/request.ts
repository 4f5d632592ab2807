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

/** How a provider read is retried; the defaults are what the adapters use. */
export interface RetryOptions {
  /** Retries after the first attempt (so at most `retries + 1` requests). */
  retries?: number;
  /** The backoff ceiling of the first retry, doubled for each one after it. */
  baseDelayMs?: number;
  /** A number in [0, 1): full jitter waits `random() * ceiling`. */
  random?: () => number;
}

const DEFAULT_RETRY = {
  retries: 2,
  baseDelayMs: 200,
  random: Math.random,
} satisfies Required<RetryOptions>;
/** The throttled and the briefly unavailable: a read that got one of these may simply be asked again. */
const RETRIED_STATUSES = new Set([429, 502, 503]);
/** Only reads are retried: a write whose reply was lost may have happened (the service reconciles a create). */
const IDEMPOTENT_METHODS = new Set(["GET", "HEAD"]);

/**
 * A fetch that gives up after `timeoutMs` unless the caller brought its own signal, and asks a
 * read again, with backoff and full jitter, after a 429, 502, 503 or a reset connection.
 *
 * A `Request` (what openapi-fetch passes) is sent as its URL and plain options: Next's server-side
 * fetch rebuilds a `Request` input into new ones, each following the previous one's signal through
 * weakly held links, and the timeout then now and then never reached the real request (the call
 * waited as long as the provider did). The timer is our own for the same reason, and it keeps
 * running after the headers so that it also covers reading the body.
 *
 * The one timer covers every attempt and every wait between them: a call never takes longer than
 * `timeoutMs`, retries included, and a wait that would not fit (a `Retry-After` longer than the
 * time left) is not taken: the reply is returned as it is. This is a small loop rather than a
 * library (p-retry, undici's RetryAgent) because those know neither this one deadline shared with
 * the body read nor that rule for `Retry-After`, and the RetryAgent would need undici's own
 * dispatcher under Next's patched fetch.
 */
export function fetchWithTimeout(timeoutMs: number, retry: RetryOptions = {}): typeof fetch {
  const options = { ...DEFAULT_RETRY, ...retry };
  return async (input, init) => {
    // The caller's signal decides how long the call may take: one attempt, as it asked.
    if (init?.signal) return fetch(input, init);
    const deadline = Date.now() + timeoutMs;
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new DOMException(`No answer in ${timeoutMs} ms.`, "TimeoutError")),
      timeoutMs,
    );
    // Never keeps the process alive on its own; firing after the reply was read changes nothing.
    timer.unref();
    const { url, init: plain } = await toPlainRequest(input, init);
    const send = () => fetch(url, { ...plain, signal: controller.signal });
    if (!IDEMPOTENT_METHODS.has((plain.method ?? "GET").toUpperCase())) return send();

    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await send();
      } catch (error) {
        const wait = backoff(options, attempt);
        if (attempt >= options.retries || !isConnectionReset(error) || !fits(wait, deadline))
          throw error;
        await sleep(wait, controller.signal);
        continue;
      }
      if (attempt >= options.retries || !RETRIED_STATUSES.has(response.status)) return response;
      const retryAfter = retryAfterMs(response.headers);
      const wait = retryAfter ?? backoff(options, attempt);
      if (!fits(wait, deadline)) return response;
      // Let the connection go back to the pool before the next attempt.
      await response.body?.cancel().catch(() => undefined);
      await sleep(wait, controller.signal);
    }
  };
}

/** A `Request` becomes its URL and plain options; a read has no body, an empty body stays none. */
async function toPlainRequest(
  input: Parameters<typeof fetch>[0],
  init: RequestInit | undefined,
): Promise<{ url: string | URL; init: RequestInit }> {
  if (!(input instanceof Request)) return { url: input, init: { ...init } };
  const request = init ? new Request(input, init) : input;
  const body =
    request.method === "GET" || request.method === "HEAD" ? null : await request.arrayBuffer();
  return {
    url: request.url,
    init: {
      method: request.method,
      headers: request.headers,
      // No body stays no body (Conekta's test endpoint refuses even an empty one).
      body: body && body.byteLength > 0 ? body : undefined,
      redirect: request.redirect,
    },
  };
}

function backoff(options: typeof DEFAULT_RETRY, attempt: number): number {
  return Math.floor(options.random() * options.baseDelayMs * 2 ** attempt);
}

/** A wait fits when the next attempt still has time left after it. */
function fits(waitMs: number, deadline: number): boolean {
  return Date.now() + waitMs < deadline;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

const RESET_CODES = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET"]);

/**
 * A connection dropped under the request: Node's fetch throws `TypeError: fetch failed` whose
 * cause is undici's `SocketError: other side closed` (UND_ERR_SOCKET) or a system ECONNRESET.
 * A refused connection or a timeout is not one: nothing was half-said, and a timeout has no time left.
 */
export function isConnectionReset(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && RESET_CODES.has(code)) return true;
    if (/socket hang up|other side closed/i.test(e.message)) return true;
    e = e.cause;
  }
  return false;
}

function retryAfterMs(headers: Headers): number | undefined {
  const value = headers.get("retry-after");
  if (value === null) return undefined;
  const seconds = Number(value);
  if (value.trim() !== "" && Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

export function retryAfterSeconds(headers: Headers): number | undefined {
  const value = headers.get("retry-after");
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
