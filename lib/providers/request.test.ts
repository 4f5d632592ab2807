import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchWithTimeout, isConnectionReset } from "./request";

interface Seen {
  method: string;
  headers: IncomingMessage["headers"];
  body: string;
}

let server: Server;
let base: string;
const seen: Seen[] = [];

/** Scripted paths: each gets the how-manieth request to it this is (1 for the first). */
type Script = (req: IncomingMessage, res: ServerResponse, hit: number) => void;
const scripts = new Map<string, Script>();
const counts = new Map<string, number>();
function hits(url: string | undefined): number {
  const path = new URL(url ?? "/", base).pathname;
  const n = (counts.get(path) ?? 0) + 1;
  counts.set(path, n);
  return n;
}
const requestsTo = (path: string) => counts.get(path) ?? 0;
const ok = (res: ServerResponse) => res.end(JSON.stringify({ ok: true }));
const fail = (res: ServerResponse, status: number, headers: Record<string, string> = {}) => {
  res.writeHead(status, headers);
  res.end(JSON.stringify({ error: status }));
};

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
      const script = scripts.get(new URL(req.url ?? "/", base).pathname);
      if (script) return script(req, res, hits(req.url));
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

describe("fetchWithTimeout's retries", () => {
  // No jitter: each wait is its whole ceiling, so the tests can bound the time taken.
  const retrying = (timeoutMs = 2_000, retries = 2) =>
    fetchWithTimeout(timeoutMs, { retries, baseDelayMs: 20, random: () => 1 });

  it("asks a read again after a 503 and returns the 200 that follows", async () => {
    scripts.set("/flaky", (_req, res, hit) => (hit === 1 ? fail(res, 503) : ok(res)));
    const response = await retrying()(`${base}/flaky`);
    expect(response.status).toBe(200);
    expect(requestsTo("/flaky")).toBe(2);
  });

  it("asks again after a 502 given as a Request (openapi-fetch's way)", async () => {
    scripts.set("/gateway", (_req, res, hit) => (hit === 1 ? fail(res, 502) : ok(res)));
    const response = await retrying()(new Request(`${base}/gateway`));
    expect(response.status).toBe(200);
    expect(requestsTo("/gateway")).toBe(2);
  });

  it("gives up after `retries` and returns the last 503 as it is", async () => {
    scripts.set("/down", (_req, res) => fail(res, 503));
    const response = await retrying(2_000, 2)(`${base}/down`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: 503 });
    expect(requestsTo("/down")).toBe(3);
  });

  it("waits the 429's Retry-After seconds before asking again", async () => {
    scripts.set("/throttled", (_req, res, hit) =>
      hit === 1 ? fail(res, 429, { "retry-after": "1" }) : ok(res),
    );
    const started = Date.now();
    const response = await retrying(3_000)(`${base}/throttled`);
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(requestsTo("/throttled")).toBe(2);
  });

  it("takes a Retry-After given as an HTTP date", async () => {
    scripts.set("/throttled-date", (_req, res, hit) =>
      hit === 1
        ? fail(res, 429, { "retry-after": new Date(Date.now() + 1_000).toUTCString() })
        : ok(res),
    );
    const started = Date.now();
    const response = await retrying(4_000)(`${base}/throttled-date`);
    expect(response.status).toBe(200);
    // An HTTP date has whole seconds: the wait is up to a second, and not none.
    expect(Date.now() - started).toBeGreaterThan(0);
    expect(requestsTo("/throttled-date")).toBe(2);
  });

  it("returns a 429 at once when its Retry-After is longer than the time left", async () => {
    scripts.set("/throttled-long", (_req, res) => fail(res, 429, { "retry-after": "5" }));
    const started = Date.now();
    const response = await retrying(1_000)(`${base}/throttled-long`);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(Date.now() - started).toBeLessThan(500);
    expect(requestsTo("/throttled-long")).toBe(1);
  });

  it("asks again after the connection was reset under the request", async () => {
    scripts.set("/reset", (req, res, hit) => (hit === 1 ? req.socket.destroy() : ok(res)));
    const response = await retrying()(`${base}/reset`);
    expect(response.status).toBe(200);
    expect(requestsTo("/reset")).toBe(2);
  });

  it("throws the reset when every attempt is reset", async () => {
    scripts.set("/always-reset", (req) => req.socket.destroy());
    const error = await retrying(2_000, 1)(`${base}/always-reset`).catch((e: unknown) => e);
    expect(isConnectionReset(error)).toBe(true);
    expect(requestsTo("/always-reset")).toBe(2);
  });

  it.each(["POST", "PUT", "PATCH", "DELETE"])(
    "never sends a %s twice, even after a 503",
    async (method) => {
      const path = `/write-${method.toLowerCase()}`;
      scripts.set(path, (_req, res) => fail(res, 503));
      const response = await retrying()(
        new Request(`${base}${path}`, { method, body: method === "DELETE" ? undefined : "{}" }),
      );
      expect(response.status).toBe(503);
      expect(requestsTo(path)).toBe(1);
    },
  );

  it("never sends a POST twice after a reset", async () => {
    scripts.set("/write-reset", (req) => req.socket.destroy());
    const error = await retrying()(`${base}/write-reset`, { method: "POST", body: "{}" }).catch(
      (e: unknown) => e,
    );
    expect(isConnectionReset(error)).toBe(true);
    expect(requestsTo("/write-reset")).toBe(1);
  });

  it("keeps the whole call, retries included, inside the timeout", async () => {
    scripts.set("/slow-down", (_req, res) => setTimeout(() => fail(res, 503), 150));
    const started = Date.now();
    const error = await fetchWithTimeout(400, { retries: 10, baseDelayMs: 100, random: () => 1 })(
      `${base}/slow-down`,
    ).then(
      (response) => response,
      (e: unknown) => e,
    );
    const took = Date.now() - started;
    // Either the timer cut an attempt short, or no wait fitted and the last 503 came back.
    if (error instanceof Response) expect(error.status).toBe(503);
    else expect(error).toMatchObject({ name: "TimeoutError" });
    expect(took).toBeLessThan(550);
    expect(requestsTo("/slow-down")).toBeLessThanOrEqual(3);
  });

  it("does not retry a timeout", async () => {
    scripts.set("/stuck", (_req, res) => setTimeout(() => ok(res), 1_000));
    await expect(retrying(150)(`${base}/stuck`)).rejects.toMatchObject({ name: "TimeoutError" });
    expect(requestsTo("/stuck")).toBe(1);
  });
});
