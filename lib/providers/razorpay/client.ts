import "server-only";
import type { z } from "zod";
import {
  callProvider,
  createProviderSender,
  parseErrorBody,
  splitApiBase,
  toQueryString,
} from "@/lib/providers/request";
import { toRazorpayAppError } from "./errors";

export interface RazorpayClientConfig {
  keyId: string;
  keySecret: string;
  apiBase: string;
  timeoutMs: number;
}

/**
 * A small client for Razorpay's Partner API v2 (the official SDK hard-codes its host and throws
 * bare TypeErrors when the network fails), over the provider sender's pooled connections.
 */
export function createRazorpayClient(config: RazorpayClientConfig) {
  const send = createProviderSender(config.timeoutMs);
  const { origin, prefix } = splitApiBase(config.apiBase);
  const authorization = `Basic ${Buffer.from(`${config.keyId}:${config.keySecret}`).toString("base64")}`;

  return async function request<S extends z.ZodType>(
    schema: S,
    method: "GET" | "POST" | "PATCH" | "DELETE",
    path: string,
    options: { query?: Record<string, number | undefined>; body?: unknown } = {},
  ): Promise<z.output<S>> {
    return callProvider("Razorpay", async () => {
      const body = options.body !== undefined ? JSON.stringify(options.body) : undefined;
      const reply = await send({
        method,
        origin,
        path: `${prefix}${path}${toQueryString(options.query)}`,
        headers: {
          Authorization: authorization,
          Accept: "application/json",
          ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
        },
        body,
      });
      // An error reply need not be JSON (a proxy's page, a throttle): its status still counts.
      if (!reply.ok)
        throw toRazorpayAppError(reply.status, parseErrorBody(reply.text), reply.headers);
      const data: unknown = reply.text === "" ? null : JSON.parse(reply.text);
      const parsed = schema.safeParse(data);
      if (!parsed.success)
        throw new SyntaxError(`Razorpay reply did not match: ${parsed.error.message}`);
      return parsed.data;
    });
  };
}

export type RazorpayRequest = ReturnType<typeof createRazorpayClient>;
