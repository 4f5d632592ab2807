// Test support (not shipped code): call the console API's route handlers as Next calls them, sign
// in as a demo user, read the error envelope, and count what reaches the sandbox.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import { seedSandboxUsers } from "@/lib/auth/seed-sandbox";
import { parseEnv, type ConsoleEnv } from "@/lib/env";
import { SANDBOX_PASSWORD } from "@/lib/sandbox/defaults";
import type { Fault, FaultInput } from "@/lib/sandbox/faults";
import { startSandbox, type Sandbox } from "@/lib/sandbox/server";
import { errorEnvelopeSchema, type ErrorEnvelope } from "@/lib/webhooks/model";
import { ORIGIN } from "@/lib/users/testing";

export { ORIGIN };

export interface SandboxKeys {
  conektaApiKey: string;
  razorpayKeyId: string;
  razorpayKeySecret: string;
}

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
    // A stream body must say it is sent while the reply may already come (fetch's rule).
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  });
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

/**
 * The bundled sandbox for one test file, and the console's configuration pointed at it (handed to
 * `setEnv`, which a file's `vi.mock("@/lib/env")` serves as `getEnv()`), with the demo users seeded.
 */
export function consoleOnSandbox(
  setEnv: (env: ConsoleEnv) => void,
  { keys, env = {} }: { keys: SandboxKeys; env?: Record<string, string> },
): () => Sandbox {
  let running: Sandbox | undefined;
  beforeAll(async () => {
    running = await startSandbox({ allowLoopback: true, keys });
    setEnv(
      parseEnv({
        NODE_ENV: "test",
        SANDBOX: "on",
        SANDBOX_PORT: new URL(running.url).port,
        CONEKTA_API_KEY: keys.conektaApiKey,
        RAZORPAY_KEY_ID: keys.razorpayKeyId,
        RAZORPAY_KEY_SECRET: keys.razorpayKeySecret,
        ...env,
      }),
    );
    await seedSandboxUsers();
  }, 30_000);
  afterAll(async () => {
    await running?.close();
  });
  return () => {
    if (!running) throw new Error("the sandbox starts in beforeAll");
    return running;
  };
}
