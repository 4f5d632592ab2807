// Test support (not shipped code): call the console API's route handlers as Next calls them, sign
// in as a demo user, read the error envelope, and count what reaches the sandbox.
import { NextRequest } from "next/server";
import { expect } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import { SANDBOX_PASSWORD } from "@/lib/sandbox/defaults";
import type { Fault, FaultInput } from "@/lib/sandbox/faults";
import { errorEnvelopeSchema, type ErrorEnvelope } from "@/lib/webhooks/model";
import { ORIGIN } from "@/lib/users/testing";

export { ORIGIN };

export type Handler = (
  req: NextRequest,
  context: { params: Promise<unknown> },
) => Promise<Response>;

export interface Call {
  handler: Handler;
  method: string;
  path: string;
  params?: Record<string, string>;
  cookie?: string;
  headers?: Record<string, string>;
  /** A string is sent as it is; a stream is sent chunked (no Content-Length). */
  body?: string | ReadableStream<Uint8Array>;
}

/**
 * Calls a route handler as a page of the console would: a change comes from the console's origin,
 * a body is declared JSON. `headers` override those; a header set to "" is left out altogether.
 */
export function send({ handler, method, path, params = {}, cookie, headers = {}, body }: Call) {
  const changes = !["GET", "HEAD"].includes(method);
  const req = new NextRequest(`${ORIGIN}${path}`, {
    method,
    headers: {
      ...(changes ? { origin: ORIGIN } : {}),
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...(cookie ? { cookie } : {}),
      ...headers,
    },
    body,
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as ConstructorParameters<typeof NextRequest>[1]);
  for (const [name, value] of Object.entries(headers)) if (value === "") req.headers.delete(name);
  return handler(req, { params: Promise.resolve(params) });
}

/** The error envelope of a reply, whose request id must match its `x-request-id` header. */
export async function envelope(response: Response): Promise<ErrorEnvelope["error"]> {
  const parsed = errorEnvelopeSchema.safeParse(await response.json());
  if (!parsed.success) throw new Error(`not the error envelope (HTTP ${response.status})`);
  expect(response.headers.get("x-request-id")).toBe(parsed.data.error.requestId);
  return parsed.data.error;
}

/** Signs in through better-auth; the session cookie (`name=value`). */
export async function sessionCookie(email: string, password = SANDBOX_PASSWORD): Promise<string> {
  const { headers } = await (
    await getAuth()
  ).api.signInEmail({ body: { email, password }, returnHeaders: true });
  const cookie = headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error(`no session cookie for ${email}`);
  return cookie;
}

/** The sandbox's test controls (lib/sandbox/README.md "Controls"). */
export function sandboxControl(sandboxUrl: () => string) {
  const faultsUrl = () => `${sandboxUrl()}/__control/faults`;
  return {
    /** Switches a fault on; its id, to remove it. */
    async addFault(fault: FaultInput): Promise<string> {
      const response = await fetch(faultsUrl(), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(fault),
      });
      expect(response.status).toBe(201);
      return ((await response.json()) as Fault).id;
    },
    async removeFault(id: string): Promise<void> {
      await fetch(`${faultsUrl()}/${id}`, { method: "DELETE" });
    },
    async listFaults(): Promise<Fault[]> {
      return ((await (await fetch(faultsUrl())).json()) as { data: Fault[] }).data;
    },
    /** What a demo receiver got (newest last), with the receiver's check of its signature. */
    async deliveries(
      path: string,
    ): Promise<{ signature: string; headers: Record<string, string> }[]> {
      const response = await fetch(
        `${sandboxUrl()}/__control/deliveries?path=${encodeURIComponent(path)}`,
      );
      return (
        (await response.json()) as {
          data: { signature: string; headers: Record<string, string> }[];
        }
      ).data;
    },
  };
}
