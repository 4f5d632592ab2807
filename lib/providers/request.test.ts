import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchWithTimeout } from "./request";

interface Seen {
  method: string;
  headers: IncomingMessage["headers"];
  body: string;
}

let server: Server;
let base: string;
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      seen.push({
        method: req.method ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      const reply = () => res.end(JSON.stringify({ ok: true }));
      if (req.url === "/slow") setTimeout(reply, 500);
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("fetchWithTimeout", () => {
  const send = fetchWithTimeout(100);

  it("gives up with a TimeoutError when the server takes too long", async () => {
    await expect(send(new Request(`${base}/slow`))).rejects.toMatchObject({ name: "TimeoutError" });
  });

  it("sends a Request's method, headers and body", async () => {
    const response = await send(
      new Request(`${base}/echo`, {
        method: "PUT",
        headers: { "content-type": "application/json", "x-child-company-id": "abc" },
        body: JSON.stringify({ url: "https://example.com" }),
      }),
    );
    expect(response.status).toBe(200);
    expect(seen.at(-1)).toMatchObject({
      method: "PUT",
      headers: { "content-type": "application/json", "x-child-company-id": "abc" },
      body: '{"url":"https://example.com"}',
    });
  });

  it("sends no body at all for a POST without one", async () => {
    await send(new Request(`${base}/test`, { method: "POST" }));
    const last = seen.at(-1);
    expect(last?.body).toBe("");
    expect(last?.headers["content-type"]).toBeUndefined();
    expect(last?.headers["transfer-encoding"]).toBeUndefined();
  });

  it("leaves a caller's own signal alone", async () => {
    const response = await send(`${base}/slow`, { signal: new AbortController().signal });
    expect(response.status).toBe(200);
  });
});
