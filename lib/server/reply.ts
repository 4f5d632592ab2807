import { STATUS_CODES, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { AppError, toErrorResponse, translateError } from "@/lib/http/errors";
import { LANGUAGE_COOKIE, pickLanguage } from "@/lib/http/language";
import { requestIdFrom } from "@/lib/http/request-id";
import { createNonce, securityHeaders } from "@/lib/http/security-headers";
import type { GateReply, GateRequest } from "./gate";

/**
 * Turns the gate's decision into bytes: under `/api` the console's error envelope in the caller's
 * language with its request id, elsewhere one line of text; both with the security headers that
 * proxy.ts puts on every reply, since these never reach it.
 */

export interface RenderedReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function savedLanguage(cookie: string | undefined): string | undefined {
  for (const part of (cookie ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === LANGUAGE_COOKIE) return value.join("=");
  }
  return undefined;
}

export function renderReply(
  reply: GateReply,
  req: Pick<GateRequest, "headers">,
  { dev }: { dev: boolean },
): RenderedReply {
  const https = header(req.headers, "x-forwarded-proto")?.split(",")[0]?.trim() === "https";
  const headers: Record<string, string> = {
    ...securityHeaders({ nonce: createNonce(), https, dev }),
    "Cache-Control": "no-store",
    ...(reply.allow ? { Allow: reply.allow } : {}),
    // The body of a refused request is never read: the connection cannot carry another request.
    ...(reply.status === 413 ? { Connection: "close" } : {}),
  };
  if (!reply.error) return { status: reply.status, headers, body: "" };

  const language = pickLanguage(
    savedLanguage(header(req.headers, "cookie")),
    header(req.headers, "accept-language") ?? null,
  );
  const message = translateError(reply.error.text, language);
  if (!reply.api) {
    headers["Content-Type"] = "text/plain; charset=utf-8";
    return { status: reply.status, headers, body: `${message}\n` };
  }
  const requestId = requestIdFrom(header(req.headers, "x-request-id"));
  const { body } = toErrorResponse(
    AppError.of(reply.error.code, reply.error.text.key, reply.error.text.values),
    requestId,
  );
  body.error.message = message;
  headers["Content-Type"] = "application/json";
  headers["x-request-id"] = requestId;
  return { status: reply.status, headers, body: JSON.stringify(body) };
}

/** Answers through Node's response (the usual case). */
export function sendReply(res: ServerResponse, rendered: RenderedReply): void {
  res.writeHead(rendered.status, {
    ...rendered.headers,
    "Content-Length": String(Buffer.byteLength(rendered.body)),
  });
  res.end(rendered.body);
}

/**
 * Answers on the bare socket, where Node gives no response object: a method its parser does not
 * know (`TRACK`, `get`, garbage) and CONNECT. The connection is closed after the reply.
 */
export function writeRawReply(socket: Duplex, rendered: RenderedReply): void {
  if (!socket.writable) return void socket.destroy();
  const lines = Object.entries({
    ...rendered.headers,
    "Content-Length": String(Buffer.byteLength(rendered.body)),
    Connection: "close",
  }).map(([name, value]) => `${name}: ${value}`);
  socket.end(
    `HTTP/1.1 ${rendered.status} ${STATUS_CODES[rendered.status] ?? ""}\r\n${lines.join("\r\n")}\r\n\r\n${rendered.body}`,
  );
}

/** The request line and headers of a packet Node's parser refused, for the gate to judge. */
export function parseRawRequest(packet: Buffer | undefined): GateRequest {
  const [requestLine = "", ...lines] = (packet?.toString("latin1") ?? "").split("\r\n");
  // Node may hand over only the packet it stopped in: without a request line, method and url are "".
  const [, method = "", url = ""] = /^(\S+) (\S+) HTTP\/\d\.\d$/.exec(requestLine) ?? [];
  const headers: IncomingHttpHeaders = {};
  for (const line of lines) {
    if (line === "") break;
    const colon = line.indexOf(":");
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { method, url, headers };
}
