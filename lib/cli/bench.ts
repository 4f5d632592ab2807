/**
 * `npm run bench`: how the console's server side holds up with a holding of thousands of child
 * companies, measured through the Conekta adapter against the sandbox on loopback (what a page's
 * API call costs minus Next's own overhead). Prints p50/p95 per operation and the heap growth, and
 * exits 1 when a target is missed. Targets live here, not in unit tests: machines are shared and noisy.
 */
import { performance } from "node:perf_hooks";
import { createConektaAdapter } from "../providers/conekta/adapter";
import { startSandbox } from "../sandbox/server";

const COMPANIES = 5_000;
const RUNS = 60;
const TARGET_P95_MS = 150;
const TARGET_HEAP_GROWTH_MB = 64;

interface Row {
  name: string;
  p50: number;
  p95: number;
  max: number;
}

async function measure(name: string, run: () => Promise<unknown>): Promise<Row> {
  for (let i = 0; i < 5; i++) await run(); // warm-up: JIT and keep-alive sockets
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  return { name, p50: at(0.5), p95: at(0.95), max: times.at(-1) ?? NaN };
}

async function main() {
  const keys = {
    conektaApiKey: "key_bench",
    razorpayKeyId: "rzp_test_bench",
    razorpayKeySecret: "bench",
  };
  const sandbox = await startSandbox({ keys, allowLoopback: true, extraChildCompanies: COMPANIES });
  const adapter = createConektaAdapter({
    apiKey: keys.conektaApiKey,
    apiBase: `${sandbox.url}/conekta`,
    apiVersion: "2.1.0",
    timeoutMs: 10_000,
  });
  const scope = { account: "default", language: "en" as const };
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;

  const firstPage = await adapter.listAccounts({ language: "en" });
  const rows = [
    await measure(`accounts, first page of ${COMPANIES + 12}`, () =>
      adapter.listAccounts({ language: "en" }),
    ),
    await measure("accounts, next page by cursor", () =>
      adapter.listAccounts({ language: "en", cursor: firstPage.page.next ?? undefined }),
    ),
    await measure("accounts, server search", () =>
      adapter.listAccounts({ language: "en", q: "sucursal 42" }),
    ),
    await measure("webhooks, list page + count", () =>
      Promise.all([adapter.listWebhooks({ ...scope, limit: 20 }), adapter.countWebhooks(scope)]),
    ),
  ];
  global.gc?.();
  const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  await sandbox.close();

  const fmt = (n: number) => n.toFixed(1).padStart(8);
  console.log(`\n${"operation".padEnd(40)}  p50 ms   p95 ms   max ms`);
  for (const row of rows)
    console.log(`${row.name.padEnd(40)}${fmt(row.p50)} ${fmt(row.p95)} ${fmt(row.max)}`);
  console.log(`heap growth: ${heapGrowthMb.toFixed(1)} MB (target < ${TARGET_HEAP_GROWTH_MB} MB)`);

  const slow = rows.filter((r) => r.p95 > TARGET_P95_MS);
  for (const row of slow)
    console.error(`MISSED: ${row.name} p95 ${row.p95.toFixed(1)} ms > ${TARGET_P95_MS} ms`);
  if (heapGrowthMb > TARGET_HEAP_GROWTH_MB) console.error("MISSED: heap growth target");
  process.exit(slow.length > 0 || heapGrowthMb > TARGET_HEAP_GROWTH_MB ? 1 : 0);
}

void main();
