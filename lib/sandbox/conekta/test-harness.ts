// Test support (not shipped code): a sandbox per test file and a Conekta client whose every reply
// is checked against the Conekta OpenAPI spec of the API version it asked for before a test sees it.
import { afterAll, beforeAll } from "vitest";
import { startSandbox, type Sandbox } from "../server";
import { CONEKTA_QUIRKS_PATH, type ConektaQuirks } from "./emulator";
import { findConektaPathTemplate, validateConektaResponse } from "./openapi-validator";
import type { ConektaEvent, ConektaList } from "./resources";
import { conektaMediaType, versionOfAccept, type ConektaApiVersion } from "./versions";

export const API_KEY = "key_test";

export interface ApiReply<T> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CallOptions {
  /** JSON-encoded and sent with `content-type: application/json`. */
  body?: unknown;
  /** Sent as is, for malformed bodies. */
  rawBody?: string;
  headers?: Record<string, string>;
  /** The bearer key; `null` sends no `Authorization` header. */
  key?: string | null;
  /** `X-Child-Company-Id`. */
  child?: string;
  language?: "es" | "en";
}

/** How many replies this test file has checked against the spec. */
export const contractChecks = { count: 0 };

/** Switches the sandbox's Conekta quirks (see emulator.ts); `reset()` switches them off again. */
export async function setConektaQuirks(sandboxUrl: string, quirks: ConektaQuirks): Promise<void> {
  const response = await fetch(`${sandboxUrl}/conekta${CONEKTA_QUIRKS_PATH}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(quirks),
  });
  if (!response.ok) throw new Error(`setting quirks failed: ${response.status}`);
}

/**
 * `version` is the API version the client asks for in `Accept` (default 2.1.0); each reply is
 * checked against that version's spec.
 */
export function setUpConektaSandbox(
  options: { allowLoopback?: boolean; version?: ConektaApiVersion } = {},
) {
  let started: Sandbox | undefined;
  beforeAll(async () => {
    started = await startSandbox({
      keys: { conektaApiKey: API_KEY, razorpayKeyId: "rzp_test_x", razorpayKeySecret: "s" },
      allowLoopback: options.allowLoopback ?? true,
    });
  });
  afterAll(async () => {
    await started?.close();
  });

  const sandbox = (): Sandbox => {
    if (!started) throw new Error("sandbox not started");
    return started;
  };

  /** Calls `/conekta{path}` and fails unless the reply matches the spec for its operation and status. */
  async function api<T = unknown>(
    method: string,
    path: string,
    call: CallOptions = {},
  ): Promise<ApiReply<T>> {
    const headers: Record<string, string> = {
      accept: conektaMediaType(options.version ?? "2.1.0"),
      ...call.headers,
    };
    if (call.key !== null) headers.authorization = `Bearer ${call.key ?? API_KEY}`;
    if (call.child !== undefined) headers["x-child-company-id"] = call.child;
    if (call.language !== undefined) headers["accept-language"] = call.language;
    let body: string | undefined = call.rawBody;
    if (call.body !== undefined) {
      body = JSON.stringify(call.body);
      headers["content-type"] = "application/json";
    }
    const response = await fetch(`${sandbox().url}/conekta${path}`, { method, headers, body });
    const text = await response.text();
    const json: unknown = JSON.parse(text);
    const template = findConektaPathTemplate(path);
    // The spec of the version asked for: a reply in another version's shape or media type fails.
    const result = validateConektaResponse(method, template, response.status, json, {
      contentType: response.headers.get("content-type"),
      version: versionOfAccept(headers.accept),
    });
    contractChecks.count += 1;
    if (!result.valid) {
      throw new Error(
        `Reply to ${method} ${path} breaks the Conekta spec (${result.checkedAgainst}):\n  ${result.errors.join("\n  ")}\n${text}`,
      );
    }
    return { status: response.status, body: json as T, headers: response.headers };
  }

  /**
   * Polls `GET /events` until the newest `webhook_ping` for `url` has a settled log (an HTTP
   * status or a failed attempt), and returns it.
   */
  async function settledPing(
    url: string,
    child?: string,
    timeoutMs = 5_000,
  ): Promise<ConektaEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { body } = await api<ConektaList<ConektaEvent>>(
        "GET",
        "/events?search=webhook_ping&limit=250",
        { child },
      );
      const event = body.data.find((e) => e.webhook_logs[0]?.url === url);
      const log = event?.webhook_logs[0];
      if (event && log && (log.last_http_response_status !== -1 || log.failed_attempts > 0))
        return event;
      if (Date.now() > deadline)
        throw new Error(`no settled ping for ${url} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Puts the sandbox back to its seed (webhooks, events, faults, recorded deliveries). */
  async function reset(): Promise<void> {
    const response = await fetch(`${sandbox().url}/__control/reset`, { method: "POST" });
    if (!response.ok) throw new Error(`reset failed: ${response.status}`);
  }

  return {
    sandbox,
    api,
    settledPing,
    reset,
    setQuirks: (quirks: ConektaQuirks) => setConektaQuirks(sandbox().url, quirks),
  };
}
