/**
 * The bench's load generator: undici's keep-alive Client and Pool, driven by a few lines here.
 * Not autocannon: its latency histogram counts whole milliseconds, too coarse for a 1.5 ms target,
 * and it has no way to alternate two targets request by request. undici is the HTTP client Node's
 * own fetch is built on (the one the console uses to call the providers), fast enough to load a
 * server on the same two cores, and `performance.now()` around each request times it to the
 * microsecond, from the request's first byte out to its reply's last byte in.
 */
import { performance } from "node:perf_hooks";
import { Client, Pool } from "undici";

export interface Target {
  /** `http://127.0.0.1:port` */
  origin: string;
  path: string;
  headers: Record<string, string>;
}

/** What went wrong, by kind (`HTTP 502 provider_error`, `ECONNRESET`), and how often. */
export type Failures = Record<string, number>;

/** One GET, its body read to the end: the time it took in ms, and why it was not a 200. */
async function get(
  dispatcher: Client | Pool,
  target: Target,
): Promise<{ ms: number; failure?: string }> {
  const started = performance.now();
  try {
    const { statusCode, body } = await dispatcher.request({
      method: "GET",
      path: target.path,
      headers: target.headers,
    });
    const text = await body.text();
    const ms = performance.now() - started;
    if (statusCode === 200) return { ms };
    // The console's error envelope names a code (DESIGN.md); anything else is shown by status.
    const code = /"code":"([a-z_]+)"/.exec(text)?.[1];
    return { ms, failure: `HTTP ${statusCode}${code ? ` ${code}` : ""}` };
  } catch (error) {
    const failure = (error as { code?: string }).code ?? String(error);
    return { ms: performance.now() - started, failure };
  }
}

function tally(failures: Failures, failure: string | undefined): void {
  if (failure) failures[failure] = (failures[failure] ?? 0) + 1;
}

/** `2 × HTTP 502 provider_error, 1 × ECONNRESET` */
export function describeFailures(failures: Failures): string {
  return Object.entries(failures)
    .map(([kind, count]) => `${count} × ${kind}`)
    .join(", ");
}

/**
 * Latency at concurrency 1 of two targets, alternated request by request on one connection each,
 * so that whatever else the machine does hits both alike. Returns each one's times in ms of the
 * requests that got a 200 (the latency of an error reply means nothing) and the failures of `a`.
 */
export async function alternate(
  a: Target,
  b: Target,
  { requests, warmup }: { requests: number; warmup: number },
): Promise<{ a: number[]; b: number[]; failures: Failures }> {
  const clients = { a: new Client(a.origin), b: new Client(b.origin) };
  const targets = { a, b };
  const times = { a: [] as number[], b: [] as number[] };
  const failures: Failures = {};
  try {
    for (let i = 0; i < warmup + requests; i++) {
      // Which goes first alternates too: the second of a pair may find caches warmer.
      for (const side of i % 2 === 0 ? (["a", "b"] as const) : (["b", "a"] as const)) {
        const { ms, failure } = await get(clients[side], targets[side]);
        if (failure && side === "b") throw new Error(`GET ${b.path}: ${failure}`);
        if (side === "a") tally(failures, failure);
        if (i >= warmup && !failure) times[side].push(ms);
      }
    }
  } finally {
    await Promise.all([clients.a.close(), clients.b.close()]);
  }
  return { ...times, failures };
}

export interface Throughput {
  requests: number;
  errors: number;
  failures: Failures;
  perSecond: number;
}

/**
 * Closed-loop load: `connections` clients, each sending its next request when its last reply has
 * arrived, for `durationMs` after a warm-up. Counts completed requests and errors (anything but a
 * 200, or no reply at all).
 */
export async function saturate(
  target: Target,
  {
    connections,
    durationMs,
    warmupMs,
  }: { connections: number; durationMs: number; warmupMs: number },
): Promise<Throughput> {
  const pool = new Pool(target.origin, { connections, pipelining: 1 });
  let counting = false;
  let stopAt = performance.now() + warmupMs;
  const counted = { requests: 0, errors: 0, failures: {} as Failures };
  const worker = async () => {
    while (performance.now() < stopAt) {
      const { failure } = await get(pool, target);
      if (!counting) continue;
      counted.requests++;
      if (failure) counted.errors++;
      tally(counted.failures, failure);
    }
  };
  try {
    await Promise.all(Array.from({ length: connections }, worker));
    counting = true;
    const started = performance.now();
    stopAt = started + durationMs;
    await Promise.all(Array.from({ length: connections }, worker));
    const seconds = (performance.now() - started) / 1000;
    return { ...counted, perSecond: counted.requests / seconds };
  } finally {
    await pool.close();
  }
}

/** Sends `count` requests over `connections` connections; what failed. */
export async function send(target: Target, count: number, connections: number): Promise<Failures> {
  const pool = new Pool(target.origin, { connections, pipelining: 1 });
  let left = count;
  const failures: Failures = {};
  const worker = async () => {
    while (left-- > 0) tally(failures, (await get(pool, target)).failure);
  };
  try {
    await Promise.all(Array.from({ length: connections }, worker));
    return failures;
  } finally {
    await pool.close();
  }
}

/** The value at quantile q (0..1) of a list of numbers, nearest-rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((x, y) => x - y);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

export const median = (values: readonly number[]) => quantile(values, 0.5);
