// The ping guard follows the target, not the flag (issue 9, item 5): SANDBOX=on lifts it only when
// RAZORPAY_API_BASE is the bundled sandbox this process started, and only for its receivers.
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type * as envModule from "@/lib/env";
import { parseEnv, type ConsoleEnv } from "@/lib/env";
import { RAZORPAY_SEED } from "@/lib/sandbox/razorpay/seed";
import { SANDBOX_TEST_KEYS, useSandbox } from "@/lib/testing/sandbox";

const env = vi.hoisted(() => ({ current: undefined as ConsoleEnv | undefined }));
vi.mock("@/lib/env", async (importOriginal) => ({
  ...(await importOriginal<typeof envModule>()),
  getEnv: () => env.current,
}));

describe("the sandbox's ping guard", () => {
  const sandbox = useSandbox();
  const scope = { account: RAZORPAY_SEED.accounts.empty, language: "en" } as const;

  /** Another loopback port that passes every request on to the sandbox: not a sandbox of ours. */
  let forwarder: Server;
  let forwarderUrl = "";
  beforeAll(async () => {
    forwarder = createServer((req, res) => {
      const target = new URL(req.url ?? "/", sandbox().url);
      const upstream = request(target, { method: req.method, headers: req.headers }, (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => forwarder.listen(0, "127.0.0.1", resolve));
    forwarderUrl = `http://127.0.0.1:${(forwarder.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    forwarder.closeAllConnections();
    await new Promise((resolve) => forwarder.close(resolve));
  });

  /** The registry's Razorpay adapter, built afresh for SANDBOX=on and this API base. */
  async function razorpayAt(apiBase: string) {
    env.current = parseEnv({
      NODE_ENV: "test",
      SANDBOX: "on",
      SANDBOX_PORT: new URL(sandbox().url).port,
      RAZORPAY_KEY_ID: SANDBOX_TEST_KEYS.razorpayKeyId,
      RAZORPAY_KEY_SECRET: SANDBOX_TEST_KEYS.razorpayKeySecret,
      RAZORPAY_API_BASE: apiBase,
    });
    return (await import("./registry")).getProvider("razorpay");
  }

  async function pingReceiver(apiBase: string) {
    const adapter = await razorpayAt(apiBase);
    const receiver = `${sandbox().url}/receivers/ok/registry-${Math.random().toString(36).slice(2)}`;
    const created = await adapter.createWebhook(scope, {
      url: receiver,
      events: ["payment.captured"],
    });
    try {
      return await adapter.pingWebhook({ ...scope, id: created.id });
    } finally {
      await adapter.deleteWebhook(scope, created.id);
    }
  }

  beforeEach(() => {
    vi.resetModules();
  });

  it("is lifted for the receivers of the sandbox this process started", async () => {
    expect(await pingReceiver(`${sandbox().url}/razorpay`)).toMatchObject({
      outcome: "delivered",
    });
  });

  it("holds with SANDBOX=on when RAZORPAY_API_BASE is another loopback port", async () => {
    const before = sandbox().receivers.list("/receivers/ok/registry-").length;
    const error = await pingReceiver(`${forwarderUrl}/razorpay`).catch((e: unknown) => e);
    // An AppError of the freshly loaded modules (vi.resetModules), so matched by name.
    expect(error).toMatchObject({
      name: "AppError",
      code: "bad_request",
      text: { key: expect.stringMatching(/^pingRefused/) as unknown },
    });
    expect(sandbox().receivers.list("/receivers/ok/registry-")).toHaveLength(before);
  });

  it("counts a sandbox as this process's from its start until its close", async () => {
    const { startSandbox } = await import("@/lib/sandbox/server");
    const { ownSandboxAt } = await import("@/lib/sandbox/running");
    const other = await startSandbox({ allowLoopback: true, keys: SANDBOX_TEST_KEYS });
    expect(ownSandboxAt(`${other.url}/razorpay`)).toBe(other.url);
    await other.close();
    expect(ownSandboxAt(`${other.url}/razorpay`)).toBeNull();
  });
});
