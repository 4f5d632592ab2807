import type { ErrorEnvelope } from "./model";

/** An error reply of the console's API, as the browser sees it. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly envelope: ErrorEnvelope["error"],
  ) {
    super(envelope.message);
  }
}

/** `fetch` for the console's own API: JSON in and out, and it throws ApiError on any non-2xx. */
export async function apiFetch(path: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(path, {
    ...init,
    headers: {
      accept: "application/json",
      ...(init?.body ? { "content-type": "application/json" } : {}),
      ...init?.headers,
    },
  });
  if (response.status === 204) return null;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(
      response.status,
      isErrorEnvelope(body)
        ? body.error
        : {
            code: "internal",
            message: `The console answered HTTP ${response.status}.`,
            requestId: "unknown",
          },
    );
  }
  return body;
}

/**
 * The console API's reply to a successful call, typed as the server sends it. The browser does not
 * check it again with zod: the server built it from the same model types in the same build, and
 * checks what it gets from the providers (so zod stays out of the pages' JavaScript).
 */
export async function apiJson<T>(path: string, init?: RequestInit): Promise<T> {
  return (await apiFetch(path, init)) as T;
}

/**
 * Whether an error reply is the console's envelope (a proxy or a crashed server may answer
 * anything): it has an error with a code, a message and a request id.
 */
export function isErrorEnvelope(body: unknown): body is ErrorEnvelope {
  if (typeof body !== "object" || body === null || !("error" in body)) return false;
  const error = body.error;
  if (typeof error !== "object" || error === null) return false;
  const { code, message, requestId } = error as Record<string, unknown>;
  return typeof code === "string" && typeof message === "string" && typeof requestId === "string";
}

/**
 * A fresh `Idempotency-Key` (a v4 UUID) for one create. `crypto.randomUUID` exists only in a
 * secure context (https, localhost); a console served over plain http elsewhere still has
 * `getRandomValues`.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
