// Test support (not shipped code): what every reply of the console must hold, whatever was sent.
// Pure, so that lib/testing/fuzz/invariants.test.ts can show each check catches what it names.
import type { IncomingHttpHeaders } from "node:http";
import { errorEnvelopeSchema } from "@/lib/webhooks/model";
import type { FuzzRequest } from "./requests";

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A V8 stack frame, as a stack trace printed into a reply would show it. */
const STACK_FRAME = /\n\s+at .+[:(]\d+:\d+\)?/;

/**
 * The first promise the reply breaks, or null. `providerCalls` is how many provider API requests
 * the sandbox got while the request was handled; `secrets` are the provider keys.
 */
export function checkReply(
  req: FuzzRequest,
  reply: Reply,
  { providerCalls, secrets }: { providerCalls: number; secrets: string[] },
): string | null {
  const what = `${req.method} ${req.target.slice(0, 200)} -> ${reply.status}`;
  if (reply.status >= 500) return `${what}: a 5xx: ${reply.body.slice(0, 300)}`;
  const wire = `${JSON.stringify(reply.headers)}\n${reply.body}`;
  const leaked = secrets.find((secret) => wire.includes(secret));
  if (leaked) return `${what}: the reply holds a provider key`;
  if (STACK_FRAME.test(reply.body)) return `${what}: the reply holds a stack trace`;
  if (reply.status < 400 || !req.target.startsWith("/api") || req.method === "HEAD") return null;

  let parsed;
  try {
    parsed = errorEnvelopeSchema.safeParse(JSON.parse(reply.body));
  } catch {
    parsed = null;
  }
  if (!parsed?.success) return `${what}: not the error envelope: ${reply.body.slice(0, 200)}`;
  if (reply.status === 405 && !reply.headers.allow) return `${what}: a 405 without Allow`;
  if (reply.headers["x-request-id"] !== parsed.data.error.requestId)
    return `${what}: x-request-id differs from error.requestId`;
  if (!parsed.data.error.provider && providerCalls > 0)
    return `${what} (${parsed.data.error.code}): refused after ${providerCalls} provider call(s)`;
  return null;
}
