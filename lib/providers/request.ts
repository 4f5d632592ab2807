import "server-only";
import { AppError } from "@/lib/http/errors";
import { dispatcherFor } from "./dispatcher";

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

/** One provider call, ready to send: the body serialized already; none means no body at all. */
export interface ProviderRequest {
  method: "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** `https://api.example.com`: scheme, host and port only. */
  origin: string;
  /** The path with its query string. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Reply headers as undici gives them: lower-case names. */
export type ReplyHeaders = Record<string, string | string[] | undefined>;

/** A provider's reply, read whole within the call's timeout. */
export interface ProviderReply {
  status: number;
  ok: boolean;
  headers: ReplyHeaders;
  text: string;
}

export type SendProviderRequest = (request: ProviderRequest) => Promise<ProviderReply>;

/**
 * A sender that gives up after `timeoutMs` and asks a read again, with backoff and full jitter,
 * after a 429, 502, 503 or a reset connection. Calls go through the origin's pool
 * (./dispatcher.ts), not the global `fetch`.
 *
 * The one timer covers every attempt, every wait between them and reading each body: a call never
 * takes longer than `timeoutMs`, retries included, and a wait that would not fit (a `Retry-After`
 * longer than the time left) is not taken: the reply is returned as it is. This is a small loop
 * rather than a library (p-retry, undici's RetryAgent) because those know neither this one
 * deadline shared with the body read nor that rule for `Retry-After`.
 */
export function createProviderSender(
  timeoutMs: number,
  retry: RetryOptions = {},
): SendProviderRequest {
  const options = { ...DEFAULT_RETRY, ...retry };
  return async (request) => {
    const deadline = Date.now() + timeoutMs;
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new DOMException(`No answer in ${timeoutMs} ms.`, "TimeoutError")),
      timeoutMs,
    );
    try {
      const send = () => sendOnce(request, controller.signal);
      if (!IDEMPOTENT_METHODS.has(request.method)) return await send();
      for (let attempt = 0; ; attempt++) {
        let reply: ProviderReply;
        try {
          reply = await send();
        } catch (error) {
          const wait = backoff(options, attempt);
          if (attempt >= options.retries || !isConnectionReset(error) || !fits(wait, deadline))
            throw error;
          await sleep(wait, controller.signal);
          continue;
        }
        if (attempt >= options.retries || !RETRIED_STATUSES.has(reply.status)) return reply;
        const wait = retryAfterMs(reply.headers) ?? backoff(options, attempt);
        if (!fits(wait, deadline)) return reply;
        await sleep(wait, controller.signal);
      }
    } finally {
      clearTimeout(timer);
    }
  };
}

/** Says who calls, as fetch's "node" did before: a provider's firewall may want a user agent. */
const USER_AGENT = "webhook-console";

/** One attempt; the body is read here, so the connection is back in the pool when it returns. */
async function sendOnce(request: ProviderRequest, signal: AbortSignal): Promise<ProviderReply> {
  const { statusCode, headers, body } = await dispatcherFor(request.origin).request({
    origin: request.origin,
    path: request.path,
    method: request.method,
    headers: { "user-agent": USER_AGENT, ...request.headers },
    body: request.body,
    signal,
  });
  const text = await body.text();
  return { status: statusCode, ok: statusCode >= 200 && statusCode < 300, headers, text };
}

/** `?a=1&b=x`, or nothing: undefined and null values are left out, a list repeats its name. */
export function toQueryString(query: Record<string, unknown> = {}): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (item === undefined || item === null) continue;
      if (typeof item !== "string" && typeof item !== "number" && typeof item !== "boolean")
        throw new TypeError(`Query parameter ${name} is not a string, number or boolean.`);
      parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(item))}`);
    }
  }
  return parts.length > 0 ? `?${parts.join("&")}` : "";
}

/** An API base (`https://api.conekta.io`, `https://api.razorpay.com/v2`) as origin and path prefix. */
export function splitApiBase(apiBase: string): { origin: string; prefix: string } {
  const url = new URL(apiBase);
  return { origin: url.origin, prefix: url.pathname.replace(/\/+$/, "") };
}

/** An error reply's body: JSON when it is, its text when not (a proxy's page, a throttle). */
export function parseErrorBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
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
 * A connection dropped under the request: undici's `SocketError: other side closed`
 * (UND_ERR_SOCKET) or a system ECONNRESET, also as the cause of `fetch`'s `TypeError: fetch failed`.
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

function headerOf(headers: ReplyHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function retryAfterMs(headers: ReplyHeaders): number | undefined {
  const value = headerOf(headers, "retry-after");
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (value.trim() !== "" && Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

export function retryAfterSeconds(headers: ReplyHeaders): number | undefined {
  const value = headerOf(headers, "retry-after");
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
