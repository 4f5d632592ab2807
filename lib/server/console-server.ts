import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { decide, decideUnparsed, type GateOptions, type GateRequest } from "./gate";
import { parseRawRequest, renderReply, sendReply, writeRawReply } from "./reply";

/** Longer than Node's 16 kB, so that a long target reaches the gate and gets its 414. */
const MAX_HEADER_BYTES = 64 * 1024;
const KEEP_ALIVE_MS = 65_000;

export interface ConsoleServerOptions {
  gate: GateOptions;
  dev: boolean;
  /** Next's request handler: what the gate lets through. */
  handle: (req: IncomingMessage, res: ServerResponse) => void;
  /** Next's upgrade handler (the dev server's hot reload). */
  upgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
}

const gateRequest = (req: IncomingMessage): GateRequest => ({
  method: req.method ?? "",
  url: req.url ?? "/",
  headers: req.headers,
});

/**
 * Node's HTTP server with the gate in front of Next: every request Next cannot answer in the
 * envelope (lib/server/gate.ts) is answered here, including those Node gives no response object
 * (CONNECT, an upgrade) and those its parser refuses (a method it does not know, headers over the
 * limit, bytes that are not HTTP), which Node would otherwise answer with a bare status line.
 */
export function createConsoleServer({ gate, dev, handle, upgrade }: ConsoleServerOptions): Server {
  const refuseOnSocket = (req: IncomingMessage, socket: Duplex): boolean => {
    const reply = decide(gateRequest(req), gate);
    if (!reply) return false;
    writeRawReply(socket, renderReply(reply, req, { dev }));
    return true;
  };

  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    const reply = decide(gateRequest(req), gate);
    if (!reply) return handle(req, res);
    sendReply(res, renderReply(reply, req, { dev }));
    // A body the gate refused is not read: drop it rather than parse it as the next request.
    if (reply.status === 413 || reply.status === 400) req.resume();
  });
  // An idle connection outlives the clients' own idle timers (undici's 4 s, a load balancer's 60 s),
  // so the client, not the server, ends it: closing first races a request sent on it (ECONNRESET).
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!refuseOnSocket(req, socket)) upgrade(req, socket, head);
  });
  // Node answers CONNECT only through this event; the gate refuses it (405).
  server.on("connect", (req: IncomingMessage, socket: Duplex) => {
    if (!refuseOnSocket(req, socket)) socket.destroy();
  });
  server.on("clientError", (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket) => {
    if (error.code === "ECONNRESET" || !socket.writable) return void socket.destroy();
    const req = parseRawRequest(error.rawPacket);
    const reason = error.code === "HPE_HEADER_OVERFLOW" ? "headers_too_large" : "malformed";
    writeRawReply(socket, renderReply(decideUnparsed(req, reason, gate), req, { dev }));
  });
  return server;
}
