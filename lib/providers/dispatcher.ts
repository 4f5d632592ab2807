import "server-only";
import { Pool, type Dispatcher } from "undici";

/**
 * One connection pool per provider origin, made on the first call to it and kept for the process.
 * Provider calls go through undici's own pool rather than the global `fetch`: Next patches that
 * one on the server (caching, tracing, a rebuilt `Request` per call), and the WHATWG layer costs
 * more than a reply of a few KiB does. Keep-alive is on, pipelining off: one request at a time on
 * a connection (`pipelining: 1`; 0 would close it after each reply), so a slow reply holds up
 * no other. The pool opens as many connections as there are calls in flight, as `fetch` did.
 */
const pools = new Map<string, Pool>();
let override: Dispatcher | undefined;

const POOL_OPTIONS = {
  pipelining: 1,
  // undici's defaults, said here: an idle connection is kept 4 s unless the server's Keep-Alive
  // hint says otherwise (up to 10 min).
  keepAliveTimeout: 4_000,
  keepAliveMaxTimeout: 600_000,
} satisfies Pool.Options;

/** The dispatcher for calls to `origin` (`https://api.conekta.io`, no path). */
export function dispatcherFor(origin: string): Dispatcher {
  if (override) return override;
  let pool = pools.get(origin);
  if (!pool || pool.closed || pool.destroyed) {
    pool = new Pool(origin, POOL_OPTIONS);
    pools.set(origin, pool);
  }
  return pool;
}

/** Lets the open connections finish their calls and closes them (on shutdown; tests). */
export async function closeProviderDispatchers(): Promise<void> {
  const open = [...pools.values()];
  pools.clear();
  await Promise.all(open.map((pool) => pool.close()));
}

/**
 * Tests: every provider call goes through `dispatcher` (undici's MockAgent, a recorder) instead of
 * the pools, until the returned function is called.
 */
export function routeProviderCalls(dispatcher: Dispatcher): () => void {
  override = dispatcher;
  return () => {
    if (override === dispatcher) override = undefined;
  };
}
