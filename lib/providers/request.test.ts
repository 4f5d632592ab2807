import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeProviderDispatchers } from "./dispatcher";
import {
  createProviderSender,
  isConnectionReset,
  type ProviderRequest,
  type RetryOptions,
} from "./request";

interface Seen {
  method: string;
  /** The client's end of the connection: one port, one connection. */
  port: number | undefined;
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
        port: req.socket.remotePort,
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

/** A sender bound to the test server: `path` and options as a provider client gives them. */
function senderFor(timeoutMs: number, retry?: RetryOptions) {
  const send = createProviderSender(timeoutMs, retry);
  return (path: string, request: Partial<Omit<ProviderRequest, "origin" | "path">> = {}) =>
    send({ method: "GET", headers: {}, ...request, origin: base, path });
}

describe("the provider sender", () => {
  const send = senderFor(100);

  it("gives up with a TimeoutError when the server takes too long", async () => {
    await expect(send("/slow")).rejects.toMatchObject({ name: "TimeoutError" });
  });

  it("sends the method, headers and body", async () => {
    const reply = await send("/echo", {
      method: "PUT",
      headers: { "content-type": "application/json", "x-child-company-id": "abc" },
      body: JSON.stringify({ url: "https://example.com" }),
    });
    expect(reply.status).toBe(200);
    expect(reply.ok).toBe(true);
    expect(JSON.parse(reply.text)).toEqual({ ok: true });
    expect(seen.at(-1)).toMatchObject({
      method: "PUT",
      headers: { "content-type": "application/json", "x-child-company-id": "abc" },
      body: '{"url":"https://example.com"}',
    });
  });

  it("sends no body at all for a POST without one", async () => {
    await send("/test", { method: "POST" });
    const last = seen.at(-1);
    expect(last?.body).toBe("");
    expect(last?.headers["content-type"]).toBeUndefined();
    expect(last?.headers["transfer-encoding"]).toBeUndefined();
  });
});

describe("the provider sender's retries", () => {
  // No jitter: each wait is its whole ceiling, so the tests can bound the time taken.
  const retrying = (timeoutMs = 2_000, retries = 2) =>
    senderFor(timeoutMs, { retries, baseDelayMs: 20, random: () => 1 });

  it("asks a read again after a 503 and returns the 200 that follows", async () => {
    scripts.set("/flaky", (_req, res, hit) => (hit === 1 ? fail(res, 503) : ok(res)));
    const reply = await retrying()("/flaky");
    expect(reply.status).toBe(200);
    expect(requestsTo("/flaky")).toBe(2);
  });

  it("asks again after a 502", async () => {
    scripts.set("/gateway", (_req, res, hit) => (hit === 1 ? fail(res, 502) : ok(res)));
    const reply = await retrying()("/gateway");
    expect(reply.status).toBe(200);
    expect(requestsTo("/gateway")).toBe(2);
  });

  it("gives up after `retries` and returns the last 503 as it is", async () => {
    scripts.set("/down", (_req, res) => fail(res, 503));
    const reply = await retrying(2_000, 2)("/down");
    expect(reply.status).toBe(503);
    expect(JSON.parse(reply.text)).toEqual({ error: 503 });
    expect(requestsTo("/down")).toBe(3);
  });

  it("waits the 429's Retry-After seconds before asking again", async () => {
    scripts.set("/throttled", (_req, res, hit) =>
      hit === 1 ? fail(res, 429, { "retry-after": "1" }) : ok(res),
    );
    const started = Date.now();
    const reply = await retrying(3_000)("/throttled");
    expect(reply.status).toBe(200);
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
    const reply = await retrying(4_000)("/throttled-date");
    expect(reply.status).toBe(200);
    // An HTTP date has whole seconds: the wait is up to a second, and not none.
    expect(Date.now() - started).toBeGreaterThan(0);
    expect(requestsTo("/throttled-date")).toBe(2);
  });

  it("returns a 429 at once when its Retry-After is longer than the time left", async () => {
    scripts.set("/throttled-long", (_req, res) => fail(res, 429, { "retry-after": "5" }));
    const started = Date.now();
    const reply = await retrying(1_000)("/throttled-long");
    expect(reply.status).toBe(429);
    expect(reply.headers["retry-after"]).toBe("5");
    expect(Date.now() - started).toBeLessThan(500);
    expect(requestsTo("/throttled-long")).toBe(1);
  });

  it("asks again after the connection was reset under the request", async () => {
    scripts.set("/reset", (req, res, hit) => (hit === 1 ? req.socket.destroy() : ok(res)));
    const reply = await retrying()("/reset");
    expect(reply.status).toBe(200);
    expect(requestsTo("/reset")).toBe(2);
  });

  it("throws the reset when every attempt is reset", async () => {
    scripts.set("/always-reset", (req) => req.socket.destroy());
    const error = await retrying(2_000, 1)("/always-reset").catch((e: unknown) => e);
    expect(isConnectionReset(error)).toBe(true);
    expect(requestsTo("/always-reset")).toBe(2);
  });

  it.each(["POST", "PUT", "PATCH", "DELETE"])(
    "never sends a %s twice, even after a 503",
    async (method) => {
      const path = `/write-${method.toLowerCase()}`;
      scripts.set(path, (_req, res) => fail(res, 503));
      const reply = await retrying()(path, {
        method: method as ProviderRequest["method"],
        body: method === "DELETE" ? undefined : "{}",
      });
      expect(reply.status).toBe(503);
      expect(requestsTo(path)).toBe(1);
    },
  );

  it("never sends a POST twice after a reset", async () => {
    scripts.set("/write-reset", (req) => req.socket.destroy());
    const error = await retrying()("/write-reset", { method: "POST", body: "{}" }).catch(
      (e: unknown) => e,
    );
    expect(isConnectionReset(error)).toBe(true);
    expect(requestsTo("/write-reset")).toBe(1);
  });

  it("keeps the whole call, retries included, inside the timeout", async () => {
    scripts.set("/slow-down", (_req, res) => setTimeout(() => fail(res, 503), 150));
    const started = Date.now();
    const outcome = await senderFor(400, { retries: 10, baseDelayMs: 100, random: () => 1 })(
      "/slow-down",
    ).then(
      (reply) => reply,
      (e: unknown) => e,
    );
    const took = Date.now() - started;
    // Either the timer cut an attempt short, or no wait fitted and the last 503 came back.
    if (outcome instanceof Error) expect(outcome).toMatchObject({ name: "TimeoutError" });
    else expect(outcome).toMatchObject({ status: 503 });
    expect(took).toBeLessThan(550);
    expect(requestsTo("/slow-down")).toBeLessThanOrEqual(3);
  });

  it("does not retry a timeout", async () => {
    scripts.set("/stuck", (_req, res) => setTimeout(() => ok(res), 1_000));
    await expect(retrying(150)("/stuck")).rejects.toMatchObject({ name: "TimeoutError" });
    expect(requestsTo("/stuck")).toBe(1);
  });
});

describe("the provider pool", () => {
  const send = senderFor(2_000);
  const portsOf = (path: string) =>
    seen.filter((s) => s.headers["x-probe"] === path).map((s) => s.port);

  it("keeps connections alive: ten calls one after another open one or two", async () => {
    await closeProviderDispatchers();
    for (let i = 0; i < 10; i++) await send("/again", { headers: { "x-probe": "/again" } });
    const ports = portsOf("/again");
    expect(ports).toHaveLength(10);
    // undici's pool sends a call that follows at once on a second connection while the first one
    // is still being marked free; the two then take turns. Without keep-alive there would be ten.
    expect(new Set(ports).size).toBeLessThanOrEqual(2);
  });

  it("opens a connection per call in flight: no call waits behind another's slow reply", async () => {
    scripts.set("/held", (_req, res) => setTimeout(() => ok(res), 150));
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 4 }, () => send("/held", { headers: { "x-probe": "/held" } })),
    );
    expect(Date.now() - started).toBeLessThan(450);
    expect(new Set(portsOf("/held")).size).toBe(4);
  });

  it("opens a new connection after the pools were closed (the shutdown hook)", async () => {
    await send("/before-close", { headers: { "x-probe": "/close" } });
    await closeProviderDispatchers();
    await send("/after-close", { headers: { "x-probe": "/close" } });
    expect(new Set(portsOf("/close")).size).toBe(2);
  });

  it("times out a reply whose body stops halfway, at the call's timeout", async () => {
    scripts.set("/half", (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      res.write('{"data": [');
    });
    const started = Date.now();
    await expect(senderFor(200)("/half")).rejects.toMatchObject({ name: "TimeoutError" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(Date.now() - started).toBeLessThan(600);
  });

  it("times out a server that never answers, at the call's timeout", async () => {
    scripts.set("/hung", () => undefined);
    const started = Date.now();
    await expect(senderFor(200)("/hung")).rejects.toMatchObject({ name: "TimeoutError" });
    expect(Date.now() - started).toBeLessThan(600);
  });

  it("never goes through the global fetch (Next patches it on the server)", async () => {
    const spy = vi.spyOn(globalThis, "fetch");
    try {
      await send("/plain");
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});
