/**
 * `node --conditions=react-server --import tsx lib/cli/bench-client.ts [count]`: what the provider
 * client itself costs. Lists webhooks through the Conekta and the Razorpay adapter against the
 * sandbox, one call at a time and 50 at once, and prints p50/p99 and requests per second. The
 * sandbox runs in a child process so that its work is not counted as the client's.
 */
import { fork } from "node:child_process";
import { performance } from "node:perf_hooks";
import { createConektaAdapter } from "../providers/conekta/adapter";
import { createRazorpayAdapter } from "../providers/razorpay/adapter";
import { RAZORPAY_SEED } from "../sandbox/razorpay/seed";
import { startSandbox } from "../sandbox/server";

const KEYS = {
  conektaApiKey: "key_bench",
  razorpayKeyId: "rzp_test_bench",
  razorpayKeySecret: "b",
};

async function runSandbox() {
  const sandbox = await startSandbox({ keys: KEYS, allowLoopback: true });
  process.send?.(sandbox.url);
}

async function measure(
  name: string,
  count: number,
  concurrency: number,
  run: () => Promise<unknown>,
) {
  for (let i = 0; i < 200; i++) await run(); // warm-up: JIT and keep-alive sockets
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < count) {
        const t = performance.now();
        await run();
        times.push(performance.now() - t);
      }
    }),
  );
  const elapsed = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  const cpuPerCallUs = (cpu.user + cpu.system) / times.length;
  console.log(
    `${name.padEnd(24)} c=${String(concurrency).padEnd(3)} p50 ${at(0.5).toFixed(2).padStart(7)} ms` +
      `  p99 ${at(0.99).toFixed(2).padStart(7)} ms  ${((times.length / elapsed) * 1000).toFixed(0).padStart(6)} req/s` +
      `  client CPU ${cpuPerCallUs.toFixed(0).padStart(5)} µs/call`,
  );
}

async function main() {
  const count = Number(process.argv[2] ?? 2_000);
  const child = fork(import.meta.filename, ["--sandbox"], {
    execArgv: ["--conditions=react-server", "--import", "tsx"],
  });
  const url = await new Promise<string>((resolve) =>
    child.once("message", (m) => resolve(m as string)),
  );
  const conekta = createConektaAdapter({
    apiKey: KEYS.conektaApiKey,
    apiBase: `${url}/conekta`,
    apiVersion: "2.1.0",
    timeoutMs: 10_000,
  });
  const razorpay = createRazorpayAdapter({
    keyId: KEYS.razorpayKeyId,
    keySecret: KEYS.razorpayKeySecret,
    apiBase: `${url}/razorpay`,
    timeoutMs: 10_000,
    accounts: [{ id: RAZORPAY_SEED.accounts.aurora, name: "Aurora" }],
    allowPrivatePingTargets: false,
  });
  const conektaList = () => conekta.listWebhooks({ account: "default", language: "en", limit: 20 });
  const razorpayList = () =>
    razorpay.listWebhooks({ account: RAZORPAY_SEED.accounts.aurora, language: "en", limit: 20 });
  for (const c of [1, 50]) {
    await measure("conekta listWebhooks", count, c, conektaList);
    await measure("razorpay listWebhooks", count, c, razorpayList);
  }
  child.kill();
  process.exit(0);
}

if (process.argv.includes("--sandbox")) void runSandbox();
else void main();
