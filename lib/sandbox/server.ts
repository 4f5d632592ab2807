import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { createConektaEmulator } from "./conekta/emulator";
import type { EmulatorContext, Resettable } from "./context";
import { FaultStore, faultSchema, type Fault } from "./faults";
import type { ProviderEmulator, SandboxRequest, SandboxResponse } from "./http";
import { createRazorpayEmulator } from "./razorpay/emulator";
import { Receivers, type SignatureVerifier } from "./receivers";
import { markSandboxRunning, markSandboxStopped } from "./running";

export type Emulator = ProviderEmulator & Resettable & { verifySignature?: SignatureVerifier };

export interface SandboxOptions {
  port?: number;
  host?: string;
  allowLoopback?: boolean;
  keys: EmulatorContext["keys"];
  now?: () => Date;
  extraChildCompanies?: number;
  extraWebhooks?: Partial<EmulatorContext["extraWebhooks"]>;
}

export interface Sandbox {
  server: Server;
  url: string;
  faults: FaultStore;
  receivers: Receivers;
  emulators: Record<Emulator["name"], Emulator>;
  /** Every provider API request it got, oldest first (`GET /__control/calls`). */
  calls: ProviderCall[];
  reset(): void;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
/** The recorder keeps this many provider calls, the newest. */
const MAX_CALLS = 10_000;

/** A provider API request the sandbox got, for tests that assert what was (or was not) forwarded. */
export interface ProviderCall {
  /** Counts from 1 since the sandbox started; a reset does not restart it. */
  seq: number;
  provider: Emulator["name"];
  method: string;
  path: string;
  /** When the sandbox got it (ISO 8601, ms): `npm run bench` times a ping's delivery from it. */
  at: string;
}

/** Starts the emulator of both providers on one HTTP server (see lib/sandbox/README.md). */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  let url = "";
  const context: EmulatorContext = {
    keys: options.keys,
    allowLoopback: options.allowLoopback ?? false,
    baseUrl: () => url,
    now: options.now ?? (() => new Date()),
    extraChildCompanies: options.extraChildCompanies ?? 0,
    extraWebhooks: {
      conekta: options.extraWebhooks?.conekta ?? 0,
      razorpay: options.extraWebhooks?.razorpay ?? 0,
    },
  };
  const emulators: Sandbox["emulators"] = {
    conekta: createConektaEmulator(context),
    razorpay: createRazorpayEmulator(context),
  };
  const faults = new FaultStore();
  const calls: ProviderCall[] = [];
  let seq = 0;
  const verifiers = Object.values(emulators).flatMap((e) =>
    e.verifySignature ? [e.verifySignature] : [],
  );
  const receivers = new Receivers(verifiers, () => url);

  const reset = () => {
    for (const emulator of Object.values(emulators)) emulator.reset();
    faults.clear();
    receivers.clear();
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error("sandbox: unexpected error", error);
      if (!res.headersSent) sendJson(res, 500, { error: "sandbox internal error" });
      else res.destroy();
    });
  });
  // Keep-alive clients (undici) reuse sockets; do not let them outlive a test run.
  server.keepAliveTimeout = 5_000;

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const requestUrl = new URL(req.url ?? "/", "http://sandbox.local");
    const [prefix = ""] = requestUrl.pathname.split("/").filter(Boolean);
    const rawBody = await readBody(req);
    if (rawBody === null) return sendJson(res, 413, { error: "request body too large" });

    if (prefix === "conekta" || prefix === "razorpay") {
      const emulator = emulators[prefix];
      calls.push({
        seq: ++seq,
        provider: prefix,
        method: req.method ?? "GET",
        path: requestUrl.pathname,
        at: new Date().toISOString(),
      });
      if (calls.length > MAX_CALLS) calls.splice(0, calls.length - MAX_CALLS);
      const sandboxRequest: SandboxRequest = {
        method: req.method ?? "GET",
        path: requestUrl.pathname.slice(prefix.length + 1) || "/",
        query: requestUrl.searchParams,
        headers: req.headers,
        rawBody,
      };
      const fault = faults.take({
        provider: prefix,
        method: sandboxRequest.method,
        path: sandboxRequest.path,
        account: emulator.accountOf(sandboxRequest),
      });
      if (fault) {
        const handled = await applyFault(fault, emulator, res);
        if (handled) return;
      }
      let reply: SandboxResponse;
      try {
        reply = await emulator.handle(sandboxRequest);
      } catch (error) {
        console.error(`sandbox: ${prefix} emulator failed`, error);
        reply = { status: 500, body: emulator.errorBody(500) };
      }
      // The request took effect; its reply is lost on the way back.
      if (fault?.kind === "reset-after") {
        res.socket?.destroy();
        return;
      }
      return send(res, reply, emulator.contentType);
    }
    if (prefix === "receivers") return receivers.handle(req, res, requestUrl.pathname, rawBody);
    if (prefix === "__control") return control(req, res, requestUrl, rawBody);
    sendJson(res, 404, {
      error: "not found: the sandbox serves /conekta, /razorpay, /receivers and /__control",
    });
  }

  function control(req: IncomingMessage, res: ServerResponse, requestUrl: URL, rawBody: Buffer) {
    // A webhook delivery or a console-sent ping is never a control request: on the sandbox pings
    // may reach loopback, and a webhook pointed at /__control/reset must not wipe the sandbox.
    if (isWebhookDelivery(req)) {
      return sendJson(res, 403, {
        error: "the control endpoint does not answer webhook deliveries",
      });
    }
    const route = `${req.method} ${requestUrl.pathname}`;
    if (route === "GET /__control/health") return sendJson(res, 200, { ok: true });
    if (route === "POST /__control/reset") {
      reset();
      return sendJson(res, 200, { ok: true });
    }
    if (route === "GET /__control/calls") {
      const after = Number(requestUrl.searchParams.get("after") ?? "0") || 0;
      return sendJson(res, 200, { last: seq, data: calls.filter((call) => call.seq > after) });
    }
    if (route === "GET /__control/faults") return sendJson(res, 200, { data: faults.list() });
    if (route === "DELETE /__control/faults") {
      faults.clear();
      return sendJson(res, 200, { ok: true });
    }
    if (route === "POST /__control/faults") {
      const parsed = faultSchema.safeParse(safeJson(rawBody));
      if (!parsed.success) return sendJson(res, 400, { error: z.prettifyError(parsed.error) });
      return sendJson(res, 201, faults.add(parsed.data));
    }
    if (req.method === "DELETE" && requestUrl.pathname.startsWith("/__control/faults/")) {
      const removed = faults.remove(requestUrl.pathname.split("/").pop() ?? "");
      return sendJson(res, removed ? 200 : 404, { ok: removed });
    }
    if (route === "GET /__control/deliveries") {
      return sendJson(res, 200, {
        data: receivers.list(requestUrl.searchParams.get("path") ?? undefined),
      });
    }
    sendJson(res, 404, { error: `unknown control route ${route}` });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve);
  });
  const address = server.address() as AddressInfo;
  url = `http://${address.address.includes(":") ? `[${address.address}]` : address.address}:${address.port}`;
  // The console lifts its ping guard only for a sandbox of its own process (lib/sandbox/running.ts).
  markSandboxRunning(url);

  return {
    server,
    url,
    faults,
    receivers,
    emulators,
    calls,
    reset,
    close: () =>
      new Promise<void>((resolve) => {
        markSandboxStopped(url);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Returns true when the fault has answered (or dropped) the request itself. */
async function applyFault(fault: Fault, emulator: Emulator, res: ServerResponse): Promise<boolean> {
  if (fault.latencyMs) await sleep(fault.latencyMs);
  switch (fault.kind) {
    case "latency":
    case "reset-after":
      return false;
    case "status":
      send(
        res,
        { status: fault.status ?? 500, body: emulator.errorBody(fault.status ?? 500) },
        emulator.contentType,
      );
      return true;
    case "rate-limit":
      send(
        res,
        {
          status: 429,
          headers: { "retry-after": String(fault.retryAfter) },
          body: emulator.errorBody(429),
        },
        emulator.contentType,
      );
      return true;
    case "malformed":
      res.writeHead(200, { "content-type": emulator.contentType });
      res.end('{"object":"list","data":[{"id":');
      return true;
    case "reset":
      res.socket?.destroy();
      return true;
  }
}

function send(res: ServerResponse, reply: SandboxResponse, contentType: string) {
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers);
    res.end();
    return;
  }
  const text = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
  headers["content-type"] ??= contentType;
  res.writeHead(reply.status, headers);
  res.end(text);
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  send(res, { status, body }, "application/json; charset=utf-8");
}

function safeJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString("utf8")) as unknown;
  } catch {
    return undefined;
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** What every delivery the providers (and the console's own Razorpay ping) send carries. */
function isWebhookDelivery(req: IncomingMessage): boolean {
  const agent = req.headers["user-agent"] ?? "";
  return (
    /^(Razorpay-Webhook|Conekta-Webhook)/i.test(agent) ||
    req.headers["x-razorpay-event-id"] !== undefined ||
    req.headers.digest !== undefined
  );
}
