/**
 * The console's server: Node's HTTP server with the gate (./gate.ts) in front of Next, in the
 * process `npm start` runs (lib/cli/start.ts checks the configuration and the build first). On the
 * sandbox it starts the bundled sandbox here too, because the ping guard is lifted only for a
 * sandbox this process runs (lib/sandbox/running.ts).
 */
import { createServer, type IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import next from "next";
import { parseEnv, parseSandboxEnv, type ConsoleEnv } from "../env";
import { startSandbox } from "../sandbox/server";
import { decide, decideUnparsed, type GateOptions } from "./gate";
import { parseRawRequest, renderReply, sendReply, writeRawReply } from "./reply";

/** Longer than Node's 16 kB, so that a long target reaches the gate and gets its 414. */
const MAX_HEADER_BYTES = 64 * 1024;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** The address to open: `localhost` when the console listens on loopback (or on every interface). */
export function consoleUrl(host: string, port: number): string {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  const local =
    bare === "localhost" ||
    /^127(\.\d{1,3}){3}$/.test(bare) ||
    bare === "::1" ||
    bare === "0.0.0.0" ||
    bare === "::";
  if (local) return `http://localhost:${port}`;
  return `http://${bare.includes(":") ? `[${bare}]` : host}:${port}`;
}

async function startOwnSandbox(port: number): Promise<void> {
  const sandboxEnv = parseSandboxEnv(process.env, { allowLoopback: true });
  try {
    const sandbox = await startSandbox({
      port,
      allowLoopback: sandboxEnv.allowLoopback,
      keys: sandboxEnv.keys,
    });
    console.log(`Sandbox: ${sandbox.url} (simulated Conekta and Razorpay)`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(
      code === "EADDRINUSE"
        ? `Port ${port} is taken, so the sandbox cannot start. Set SANDBOX_PORT to a free port.`
        : `The sandbox could not start: ${String(error)}`,
    );
  }
}

/** A request Node parsed but that never gets a response object (CONNECT, an upgrade). */
function refuseOnSocket(
  req: IncomingMessage,
  socket: Duplex,
  gate: GateOptions,
  dev: boolean,
): boolean {
  const reply = decide(
    { method: req.method ?? "", url: req.url ?? "/", headers: req.headers },
    gate,
  );
  if (!reply) return false;
  writeRawReply(socket, renderReply(reply, req, { dev }));
  return true;
}

export interface ServeOptions {
  /** Next's dev server instead of the production build. */
  dev: boolean;
  /** Start the bundled sandbox here when the console runs on it (off: someone else runs it). */
  ownSandbox: boolean;
}

/** Starts the sandbox (when asked), prepares Next and listens; resolves once the console answers. */
export async function serve({ dev, ownSandbox }: ServeOptions): Promise<ConsoleEnv> {
  const env = parseEnv(process.env);
  if (env.sandbox && ownSandbox) await startOwnSandbox(env.sandboxPort);

  const app = next({ dev, hostname: env.host, port: env.port, dir: process.cwd() });
  await app.prepare();
  const handle = app.getRequestHandler();
  const upgrade = app.getUpgradeHandler();
  const gate: GateOptions = { publicUrl: env.publicUrl };

  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    const reply = decide(
      { method: req.method ?? "", url: req.url ?? "/", headers: req.headers },
      gate,
    );
    if (reply) {
      sendReply(res, renderReply(reply, req, { dev }));
      // A body the gate refused is not read: drop it rather than parse it as the next request.
      if (reply.status === 413 || reply.status === 400) req.resume();
      return;
    }
    void handle(req, res);
  });
  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!refuseOnSocket(req, socket, gate, dev)) void upgrade(req, socket, head);
  });
  // Node answers CONNECT only through this event; the gate refuses it (405).
  server.on("connect", (req: IncomingMessage, socket: Duplex) => {
    if (!refuseOnSocket(req, socket, gate, dev)) socket.destroy();
  });
  // What Node's parser refuses (a method it does not know, headers over the limit, not HTTP) is
  // answered here, in the envelope under /api, instead of Node's bare status line.
  server.on("clientError", (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket) => {
    if (error.code === "ECONNRESET" || !socket.writable) return void socket.destroy();
    const req = parseRawRequest(error.rawPacket);
    const reason = error.code === "HPE_HEADER_OVERFLOW" ? "headers_too_large" : "malformed";
    writeRawReply(socket, renderReply(decideUnparsed(req, reason, gate), req, { dev }));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.port, env.host, () => resolve());
  }).catch((error: NodeJS.ErrnoException) =>
    fail(
      error.code === "EADDRINUSE"
        ? `Port ${env.port} is taken, so the console cannot start. Set PORT to a free port.`
        : `The console could not start: ${String(error)}`,
    ),
  );
  console.log(
    `\nWebhook Console is running at ${consoleUrl(env.host, env.port)}${env.sandbox ? " (sandbox data)" : ""}\n`,
  );
  return env;
}
