// Test support (not shipped code): a sandbox per test file and a Conekta client whose every reply
// is checked against the Conekta OpenAPI 2.1.0 spec before a test sees it.
import { afterAll, beforeAll } from "vitest";
import { startSandbox, type Sandbox } from "../server";
import { findConektaPathTemplate, validateConektaResponse } from "./openapi-validator";
import type { ConektaEvent, ConektaList } from "./resources";

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

export function setUpConektaSandbox(options: { allowLoopback?: boolean } = {}) {
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
      accept: "application/vnd.conekta-v2.1.0+json",
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
    const result = validateConektaResponse(method, template, response.status, json, {
      contentType: response.headers.get("content-type"),
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

  return { sandbox, api, settledPing, reset };
}
