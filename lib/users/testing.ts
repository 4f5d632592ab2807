// Test support (not shipped code): call the users API's route handlers as a signed-in user would.
import { NextRequest } from "next/server";
import { expect } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import type { Role } from "@/lib/auth/roles";
import { createUser } from "@/lib/auth/users";
import { createConektaAdapter } from "@/lib/providers/conekta/adapter";
import { createRazorpayAdapter } from "@/lib/providers/razorpay/adapter";
import type { ProviderAdapter } from "@/lib/providers/types";
import { SANDBOX_RAZORPAY_ACCOUNTS } from "@/lib/sandbox/defaults";
import { SANDBOX_TEST_KEYS } from "@/lib/testing/sandbox";
import { errorEnvelopeSchema } from "@/lib/webhooks/model";

export const ORIGIN = "http://console.test";
export const PASSWORD = "correct-horse-battery";

type Handler = (req: NextRequest, context: { params: Promise<unknown> }) => Promise<Response>;

/** Signs in with email and password; the session cookie (`wc.session_token=…`). */
export async function signIn(email: string, password = PASSWORD): Promise<string> {
  const { headers } = await (
    await getAuth()
  ).api.signInEmail({
    body: { email, password },
    returnHeaders: true,
  });
  return headers.get("set-cookie")?.split(";")[0] ?? "";
}

let counter = 0;

/** A fresh user of this role, signed in: its id, email and cookie. */
export async function signedInUser(
  role: Role,
  grants: Parameters<typeof createUser>[0]["grants"] = [],
) {
  counter += 1;
  const email = `${role}-${counter}-${Date.now()}@example.test`;
  const { id } = await createUser({
    email,
    name: `${role} ${counter}`,
    role,
    password: PASSWORD,
    grants,
  });
  return { id, email, cookie: await signIn(email) };
}

/** Calls a route handler the way the console's own pages do: same origin, JSON body, a cookie. */
export async function call(
  handler: Handler,
  options: {
    cookie?: string;
    method?: string;
    path?: string;
    params?: Record<string, string>;
    body?: unknown;
    language?: string;
  } = {},
) {
  const { method = "GET", path = "/api/users", body, cookie, language = "en" } = options;
  const headers: Record<string, string> = { "accept-language": language };
  if (cookie) headers.cookie = cookie;
  if (method !== "GET") headers.origin = ORIGIN;
  if (body !== undefined) headers["content-type"] = "application/json";
  const req = new NextRequest(`${ORIGIN}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await handler(req, { params: Promise.resolve(options.params ?? {}) });
  const json: unknown = response.status === 204 ? null : await response.json();
  return { status: response.status, headers: response.headers, json };
}

/** The error envelope of a reply that must be an error. */
export function errorOf(reply: { status: number; json: unknown }) {
  const parsed = errorEnvelopeSchema.safeParse(reply.json);
  expect(parsed.success, `expected an error envelope, got ${JSON.stringify(reply.json)}`).toBe(
    true,
  );
  return parsed.data?.error ?? { code: "internal", message: "", requestId: "" };
}

/** Both providers' adapters against a test sandbox, for a mocked provider registry. */
export function sandboxAdapters(sandboxUrl: string): ProviderAdapter[] {
  return [
    createConektaAdapter({
      apiKey: SANDBOX_TEST_KEYS.conektaApiKey,
      apiBase: `${sandboxUrl}/conekta`,
      apiVersion: "2.1.0",
      timeoutMs: 2000,
    }),
    createRazorpayAdapter({
      keyId: SANDBOX_TEST_KEYS.razorpayKeyId,
      keySecret: SANDBOX_TEST_KEYS.razorpayKeySecret,
      apiBase: `${sandboxUrl}/razorpay`,
      timeoutMs: 2000,
      accounts: SANDBOX_RAZORPAY_ACCOUNTS.map((a) => ({ ...a })),
      allowPrivatePingTargets: true,
    }),
  ];
}
