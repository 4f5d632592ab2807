import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toErrorResponse } from "@/lib/http/errors";
import { failure } from "@/lib/testing/sandbox";
import { createConektaAdapter } from "./conekta/adapter";
import { createRazorpayAdapter } from "./razorpay/adapter";

const CONEKTA_KEY = "key_SecretConekta123";
const RAZORPAY_ID = "rzp_test_SecretId456";
const RAZORPAY_SECRET = "SecretRazorpay789";
const SECRETS = [
  CONEKTA_KEY,
  RAZORPAY_ID,
  RAZORPAY_SECRET,
  Buffer.from(`${RAZORPAY_ID}:${RAZORPAY_SECRET}`).toString("base64"),
];

/** A provider that fails in each way a path names; it echoes nothing it was sent. */
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? "";
    if (path.includes("/hung/")) return; // never answers
    if (path.includes("/reset/")) return req.socket.destroy();
    if (path.includes("/html/")) return res.end("<html>Gateway</html>");
    res.writeHead(401, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { code: "BAD_REQUEST_ERROR", description: "Unauthorized" } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const adapters = {
  Conekta: (apiBase: string, timeoutMs: number) =>
    createConektaAdapter({ apiKey: CONEKTA_KEY, apiBase, apiVersion: "2.1.0", timeoutMs }),
  Razorpay: (apiBase: string, timeoutMs: number) =>
    createRazorpayAdapter({
      keyId: RAZORPAY_ID,
      keySecret: RAZORPAY_SECRET,
      apiBase,
      timeoutMs,
      accounts: [{ id: "acc_Ha6Vb2QzPQ9x1K", name: "Aurora" }],
      allowPrivatePingTargets: false,
    }),
};

describe.each(Object.entries(adapters))("%s's keys in a failed call", (_, adapterAt) => {
  it.each([
    ["a timeout", "hung", 504],
    ["a reset connection", "reset", 502],
    ["a reply that is not JSON", "html", 502],
    ["a refused key", "refused", 502],
  ])("appear nowhere in the error of %s, its causes or its envelope", async (_, kind, status) => {
    // Short for the hung provider; long enough otherwise that a reset's retries (with backoff)
    // end in its own error, not in a timeout, on a busy machine.
    const adapter = adapterAt(`${base}/${kind}`, kind === "hung" ? 300 : 10_000);
    const error = await failure(
      adapter.listWebhooks({ account: "acc_Ha6Vb2QzPQ9x1K", language: "en", limit: 10 }),
    );
    // A key the provider refuses is the console's configuration, not the user's: a 502.
    expect(error.status).toBe(status);
    const seen = [
      inspect(error, { depth: 10 }),
      JSON.stringify(toErrorResponse(error, "req_1")),
      JSON.stringify(error.provider ?? null),
    ].join("\n");
    for (const secret of SECRETS) expect(seen).not.toContain(secret);
  });
});
