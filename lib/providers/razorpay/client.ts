import "server-only";
import type { z } from "zod";
import { callProvider, fetchWithTimeout } from "@/lib/providers/request";
import { toRazorpayAppError } from "./errors";

export interface RazorpayClientConfig {
  keyId: string;
  keySecret: string;
  apiBase: string;
  timeoutMs: number;
}

/**
 * A small `fetch` client for Razorpay's Partner API v2 (the official SDK hard-codes its host and
 * throws bare TypeErrors when the network fails). Node's fetch keeps connections alive.
 */
export function createRazorpayClient(config: RazorpayClientConfig) {
  const send = fetchWithTimeout(config.timeoutMs);
  const authorization = `Basic ${Buffer.from(`${config.keyId}:${config.keySecret}`).toString("base64")}`;

  return async function request<S extends z.ZodType>(
    schema: S,
    method: "GET" | "POST" | "PATCH" | "DELETE",
    path: string,
    options: { query?: Record<string, number | undefined>; body?: unknown } = {},
  ): Promise<z.output<S>> {
    const url = new URL(`${config.apiBase}${path}`);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return callProvider("Razorpay", async () => {
      const response = await send(url, {
        method,
        headers: {
          Authorization: authorization,
          Accept: "application/json",
          ...(options.body !== undefined ? { "Content-Type": "application/json" } : {}),
        },
        body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
      });
      const text = await response.text();
      // An error reply need not be JSON (a proxy's page, a throttle): its status still counts.
      if (!response.ok)
        throw toRazorpayAppError(response.status, parseOrText(text), response.headers);
      const body: unknown = text === "" ? null : JSON.parse(text);
      const parsed = schema.safeParse(body);
      if (!parsed.success)
        throw new SyntaxError(`Razorpay reply did not match: ${parsed.error.message}`);
      return parsed.data;
    });
  };
}

function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export type RazorpayRequest = ReturnType<typeof createRazorpayClient>;
