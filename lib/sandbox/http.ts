import type { IncomingHttpHeaders } from "node:http";

/** A request as a provider emulator sees it: the path is relative to the provider's prefix. */
export interface SandboxRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
}

export interface SandboxResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON-serialised unless it is already a string. */
  body?: unknown;
}

/** One emulated provider API, mounted by the server under `/{name}`. */
export interface ProviderEmulator {
  name: "conekta" | "razorpay";
  handle(req: SandboxRequest): Promise<SandboxResponse>;
  /** The account a request is for, so that a fault can target one account (`default` if none). */
  accountOf(req: SandboxRequest): string;
  /** A body in the provider's own error shape, used when a fault injects a status. */
  errorBody(status: number): unknown;
  /** Content type of the provider's JSON replies. */
  contentType: string;
}

export function json(
  status: number,
  body: unknown,
  headers?: Record<string, string>,
): SandboxResponse {
  return { status, body, headers };
}

export function header(req: SandboxRequest, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Parses a JSON body; `undefined` for an empty body, `SyntaxError` for a malformed one. */
export function parseJsonBody(req: SandboxRequest): unknown {
  const text = req.rawBody.toString("utf8").trim();
  if (text === "") return undefined;
  return JSON.parse(text) as unknown;
}

/** Matches `path` against a pattern like `/webhooks/:id/test`; returns the named segments. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/").filter(Boolean);
  const got = path.split("/").filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const segment = got[i] as string;
    if (part.startsWith(":")) params[part.slice(1)] = decodeURIComponent(segment);
    else if (part !== segment) return null;
  }
  return params;
}
