import { createHmac } from "node:crypto";
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { pingReportSchema } from "@/lib/webhooks/model";
import { PingRefusedError, type LookupAll } from "./address-guard";
import { DEFAULT_PING_TIMEOUT_MS, sendRazorpayPing, toRequestOptions } from "./send-ping";

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A local endpoint on 127.0.0.1 that records what it got. */
async function startEndpoint(
  handle: (req: IncomingMessage, res: ServerResponse, body: string) => void,
) {
  const received: Received[] = [];
  let connections = 0;
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      handle(req, res, body);
    });
  });
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const endpoint = {
    port,
    url: `http://127.0.0.1:${port}`,
    received,
    connections: () => connections,
    later: (ms: number, fn: () => void) => timers.add(setTimeout(fn, ms)),
    close: () =>
      new Promise<void>((resolve) => {
        timers.forEach(clearTimeout);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  servers.push(endpoint);
  return endpoint;
}

const base = { accountId: "acc_Test01", event: "payment.captured", allowPrivate: true };

describe("sendRazorpayPing", () => {
  it("reports a 2xx as delivered, with status and latency", async () => {
    const endpoint = await startEndpoint((_req, res) => res.writeHead(200).end("ok"));
    const result = await sendRazorpayPing({ ...base, url: `${endpoint.url}/hooks/razorpay?x=1` });
    expect(pingReportSchema.parse(result)).toEqual(result);
    expect(result).toMatchObject({ outcome: "delivered", httpStatus: 200 });
    expect(result.latencyMs).toEqual(expect.any(Number));
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(result).toMatchObject({ messageCode: "delivered", messageValues: { status: 200 } });
    expect(new Date(result.at).toISOString()).toBe(result.at);
    expect(endpoint.received[0]).toMatchObject({ method: "POST", url: "/hooks/razorpay?x=1" });
  });

  it("reports a 500 as failed with its status", async () => {
    const endpoint = await startEndpoint((_req, res) => res.writeHead(500).end("boom"));
    const result = await sendRazorpayPing({ ...base, url: endpoint.url });
    expect(result).toMatchObject({
      outcome: "failed",
      httpStatus: 500,
      messageCode: "failed_status",
      messageValues: { status: 500 },
      // The start of the reply, for the ping's Details.
      responseExcerpt: "boom",
    });
  });

  it("gives up on a slow endpoint and says it timed out", async () => {
    const endpoint = await startEndpoint((_req, res) =>
      endpoint.later(6_000, () => res.writeHead(200).end()),
    );
    const started = Date.now();
    const result = await sendRazorpayPing({ ...base, url: endpoint.url, timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(result).toMatchObject({ outcome: "failed", httpStatus: null, latencyMs: null });
    expect(result).toMatchObject({ messageCode: "timed_out", messageValues: { seconds: 0.3 } });
  });

  it("waits 5 s by default, as Razorpay does", () => {
    expect(DEFAULT_PING_TIMEOUT_MS).toBe(5_000);
  });

  it("reports a redirect as failed and never follows it", async () => {
    const elsewhere = await startEndpoint((_req, res) => res.writeHead(200).end());
    const endpoint = await startEndpoint((_req, res) =>
      res.writeHead(302, { Location: `${elsewhere.url}/target` }).end(),
    );
    const result = await sendRazorpayPing({ ...base, url: endpoint.url });
    expect(result).toMatchObject({ outcome: "failed", httpStatus: 302 });
    expect(result).toMatchObject({
      messageCode: "redirect_not_followed",
      messageValues: { status: 302 },
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(elsewhere.connections()).toBe(0);
  });

  it("signs the exact body when a secret is given, and keeps the secret out of the result", async () => {
    const secret = "whsec_very_secret_value";
    const verdicts: boolean[] = [];
    const endpoint = await startEndpoint((req, res, body) => {
      const expected = createHmac("sha256", secret).update(body).digest("hex");
      verdicts.push(req.headers["x-razorpay-signature"] === expected);
      res.writeHead(204).end();
    });
    const result = await sendRazorpayPing({ ...base, url: endpoint.url, secret });
    expect(result.outcome).toBe("delivered");
    expect(verdicts).toEqual([true]);
    expect(endpoint.received[0]?.headers["x-razorpay-signature"]).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(result)).not.toContain(secret);
  });

  it("sends no signature without a secret, and Razorpay's other headers", async () => {
    const endpoint = await startEndpoint((_req, res) => res.writeHead(200).end());
    await sendRazorpayPing({ ...base, url: endpoint.url });
    const headers = endpoint.received[0]?.headers ?? {};
    expect(headers).not.toHaveProperty("x-razorpay-signature");
    expect(headers["content-type"]).toBe("application/json");
    expect(headers["user-agent"]).toBe("Razorpay-Webhook/v1");
    expect(headers["x-razorpay-event-id"]).toMatch(/^evt_[0-9A-Za-z]{14}$/);
  });

  it("sends compact JSON naming the event", async () => {
    const endpoint = await startEndpoint((_req, res) => res.writeHead(200).end());
    await sendRazorpayPing({
      ...base,
      event: "refund.processed",
      url: endpoint.url,
      now: () => new Date(1_700_000_000_000),
    });
    const body = endpoint.received[0]?.body ?? "";
    expect(body).not.toMatch(/\s/);
    expect(JSON.parse(body)).toMatchObject({
      entity: "event",
      account_id: "acc_Test01",
      event: "refund.processed",
      contains: ["refund"],
      created_at: 1_700_000_000,
    });
  });

  it("connects to the checked address with one lookup, keeping the name in the Host header", async () => {
    const endpoint = await startEndpoint((_req, res) => res.writeHead(200).end());
    const lookup = vi.fn<LookupAll>(() => Promise.resolve([{ address: "127.0.0.1", family: 4 }]));
    // `.test` never resolves in real DNS: delivery proves node's own resolver was not asked.
    const result = await sendRazorpayPing({
      ...base,
      url: `http://hooks.example.test:${endpoint.port}/h`,
      lookup,
    });
    expect(result.outcome).toBe("delivered");
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(lookup).toHaveBeenCalledWith("hooks.example.test");
    expect(endpoint.received[0]?.headers.host).toBe(`hooks.example.test:${endpoint.port}`);
  });

  it("refuses a loopback URL without allowPrivate before connecting", async () => {
    const endpoint = await startEndpoint((_req, res) => res.writeHead(200).end());
    await expect(
      sendRazorpayPing({ ...base, allowPrivate: false, url: endpoint.url }),
    ).rejects.toBeInstanceOf(PingRefusedError);
    const lookup = vi.fn<LookupAll>(() => Promise.resolve([{ address: "127.0.0.1", family: 4 }]));
    await expect(
      sendRazorpayPing({
        ...base,
        allowPrivate: false,
        url: "http://hooks.example.test/h",
        lookup,
      }),
    ).rejects.toMatchObject({ reason: "private-address" });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(endpoint.connections()).toBe(0);
  });

  it("refuses a URL that is not a URL", async () => {
    await expect(sendRazorpayPing({ ...base, url: "not a url" })).rejects.toMatchObject({
      reason: "scheme",
    });
  });

  it("reports a refused connection without a stack", async () => {
    const endpoint = await startEndpoint((_req, res) => res.writeHead(200).end());
    const url = endpoint.url;
    await endpoint.close();
    const result = await sendRazorpayPing({ ...base, url });
    expect(result).toMatchObject({ outcome: "failed", httpStatus: null, latencyMs: null });
    expect(result).toMatchObject({
      messageCode: "connection_refused",
      messageValues: { host: url.replace("http://", "") },
    });
  });

  it("reports a reset connection", async () => {
    const endpoint = await startEndpoint((req) => req.socket.destroy());
    const result = await sendRazorpayPing({ ...base, url: endpoint.url });
    expect(result).toMatchObject({ outcome: "failed", httpStatus: null });
    expect(result.messageCode).toBe("connection_reset");
  });

  it("reports a TLS failure when the endpoint does not speak TLS", async () => {
    const endpoint = await startEndpoint((_req, res) => res.writeHead(200).end());
    const result = await sendRazorpayPing({ ...base, url: `https://127.0.0.1:${endpoint.port}/` });
    expect(result).toMatchObject({
      outcome: "failed",
      httpStatus: null,
      messageCode: "tls_failed",
    });
    expect(result.messageValues.host).toBe(`127.0.0.1:${endpoint.port}`);
  });

  it("stops reading a huge answer after 64 KiB", async () => {
    const endpoint = await startEndpoint((_req, res) => {
      res.writeHead(200);
      res.write(Buffer.alloc(128 * 1024));
      // The rest never comes; the ping must still answer well before its deadline.
    });
    const started = Date.now();
    const result = await sendRazorpayPing({ ...base, url: endpoint.url, timeoutMs: 3_000 });
    expect(result).toMatchObject({ outcome: "delivered", httpStatus: 200 });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe("toRequestOptions", () => {
  const headers = { "X-Test": "1" };

  it("pins https to the checked address while SNI and Host keep the name, with TLS checks on", () => {
    const url = new URL("https://hooks.example.com/razorpay");
    const options = toRequestOptions(
      url,
      { address: "93.184.215.14", family: 4, port: 443 },
      headers,
    );
    expect(options).toMatchObject({
      host: "hooks.example.com",
      port: 443,
      servername: "hooks.example.com",
      agent: false,
    });
    expect(options.headers).toMatchObject({ Host: "hooks.example.com", "X-Test": "1" });
    expect(options).not.toHaveProperty("rejectUnauthorized");
    const calls: unknown[][] = [];
    options.lookup?.("hooks.example.com", {}, (...args) => calls.push(args));
    options.lookup?.("hooks.example.com", { all: true }, (...args) => calls.push(args));
    expect(calls).toEqual([
      [null, "93.184.215.14", 4],
      [null, [{ address: "93.184.215.14", family: 4 }]],
    ]);
  });

  it("sends no SNI for an IP literal and strips IPv6 brackets", () => {
    const options = toRequestOptions(
      new URL("https://[2606:4700::1111]:443/x"),
      { address: "2606:4700::1111", family: 6, port: 443 },
      headers,
    );
    expect(options.host).toBe("2606:4700::1111");
    expect(options).not.toHaveProperty("servername");
    expect(options.headers).toMatchObject({ Host: "[2606:4700::1111]" });
  });
});
