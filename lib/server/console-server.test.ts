// The console's server in front of Next (issue 12 crack 2, issue 9 item 1): what Next cannot answer
// in the envelope never reaches it, and nothing of it is logged. Next is stood in for by a handler
// that records what reaches it; requests go over a raw socket, as a hostile client sends them.
import type { Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { errorEnvelopeSchema } from "@/lib/webhooks/model";
import { createConsoleServer } from "./console-server";

let server: Server;
let port = 0;
const reached: string[] = [];

beforeAll(async () => {
  server = createConsoleServer({
    gate: { publicUrl: null },
    dev: false,
    handle: (req, res) => {
      reached.push(`${req.method} ${req.url}`);
      res.writeHead(200, { "Content-Type": "text/plain", "Content-Length": "4" }).end("next");
    },
    upgrade: (_req, socket) => socket.destroy(),
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  reached.length = 0;
});

interface RawReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends bytes as they are and reads the first reply (the server closes or the reply is whole). */
function send(raw: string): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let data = "";
    const finish = () => {
      socket.destroy();
      const [head = "", ...rest] = data.split("\r\n\r\n");
      const [statusLine = "", ...lines] = head.split("\r\n");
      const headers = Object.fromEntries(
        lines.map((line) => {
          const colon = line.indexOf(":");
          return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
        }),
      );
      resolve({ status: Number(statusLine.split(" ")[1]), headers, body: rest.join("\r\n\r\n") });
    };
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => {
      data += chunk;
      const [head, body] = data.split("\r\n\r\n");
      const length = /content-length: (\d+)/i.exec(head ?? "")?.[1];
      if (body !== undefined && length !== undefined && body.length >= Number(length)) finish();
    });
    socket.on("end", finish);
    socket.on("error", reject);
    socket.write(raw);
  });
}

const request = (line: string, headers: string[] = []) =>
  `${line}\r\nHost: 127.0.0.1\r\n${headers.map((h) => `${h}\r\n`).join("")}\r\n`;

type Row = [what: string, raw: string, status: number, code: string, allow?: string];

const HOOKS = "/api/conekta/default/webhooks";
const rows: Row[] = [
  [
    "TRACE on an API route",
    request(`TRACE ${HOOKS} HTTP/1.1`),
    405,
    "method_not_allowed",
    "GET, HEAD, POST, OPTIONS",
  ],
  [
    "a method Node's parser does not know",
    request(`FOO ${HOOKS} HTTP/1.1`),
    405,
    "method_not_allowed",
    "GET, HEAD, POST, OPTIONS",
  ],
  ["CONNECT", request("CONNECT /api/me HTTP/1.1"), 405, "method_not_allowed", "GET, HEAD, OPTIONS"],
  ["a malformed % in a path", request(`GET ${HOOKS}/%ZZ HTTP/1.1`), 400, "bad_request"],
  ["an unknown API path", request("GET /api/nope HTTP/1.1"), 404, "not_found"],
  [
    "a GET with a body",
    request(`GET ${HOOKS} HTTP/1.1`, ["Content-Length: 2"]) + "{}",
    400,
    "bad_request",
  ],
  [
    "headers over 64 kB",
    request("GET /api/me HTTP/1.1", [`X-Big: ${"a".repeat(70_000)}`]),
    431,
    "headers_too_large",
  ],
  [
    "a 5 MB body announced",
    request(`POST ${HOOKS} HTTP/1.1`, [
      "Content-Type: application/json",
      "Content-Length: 5000000",
    ]),
    413,
    "payload_too_large",
  ],
  ["a request line that is not HTTP", "GET /api/me NOT-HTTP\r\n\r\n", 400, "bad_request"],
];

describe("the console's server", () => {
  it.each(rows)(
    "answers %s in the envelope without reaching Next or logging",
    async (_what, raw, status, code, allow) => {
      const logged = [vi.spyOn(console, "error"), vi.spyOn(console, "log")];
      const reply = await send(raw);
      expect(reply.status).toBe(status);
      expect(reply.headers["content-type"]).toBe("application/json");
      if (allow) expect(reply.headers.allow).toBe(allow);
      const body = errorEnvelopeSchema.parse(JSON.parse(reply.body));
      expect(body.error.code).toBe(code);
      expect(reply.body).not.toMatch(/\bat .+:\d+:\d+/);
      expect(reached).toEqual([]);
      for (const spy of logged) expect(spy).not.toHaveBeenCalled();
      for (const spy of logged) spy.mockRestore();
    },
  );

  it("hands everything else to Next", async () => {
    const reply = await send(request(`GET ${HOOKS}?q=shop HTTP/1.1`));
    expect(reply).toMatchObject({ status: 200, body: "next" });
    expect(reached).toEqual([`GET ${HOOKS}?q=shop`]);
  });
});
