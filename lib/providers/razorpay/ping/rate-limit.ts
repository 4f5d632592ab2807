/**
 * Caps how often one webhook can be pinged: every Razorpay ping is a real POST from our server to
 * someone's endpoint, and the console must not become a way to flood one.
 *
 * Sliding window log: each key keeps the times of its last `limit` pings, so a burst at the edge
 * of a fixed window cannot double the rate.
 *
 * Per process: the counts live in this process's memory. Several instances behind a load balancer
 * each allow `limit` pings; a shared limit needs the shared database, which is out of scope here.
 */

export type TakeResult = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface PingRateLimiter {
  take(key: string): TakeResult;
  /** How many keys are held now (for tests and metrics). */
  size(): number;
}

export interface PingRateLimiterOptions {
  limit: number;
  windowMs: number;
  /** Milliseconds, like Date.now; injectable for tests. */
  now?: () => number;
  /** Hard cap on keys held; the oldest key is dropped past it. */
  maxKeys?: number;
}

export function createPingRateLimiter(options: PingRateLimiterOptions): PingRateLimiter {
  const { limit, windowMs } = options;
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 10_000;
  // Times of recent pings per key, oldest first; never longer than `limit`.
  const hits = new Map<string, number[]>();
  let lastSweep = now();

  // Memory stays bounded: keys whose pings all left the window are dropped, at most once a window.
  function sweep(at: number) {
    for (const [key, times] of hits) {
      const newest = times[times.length - 1];
      if (newest === undefined || newest <= at - windowMs) hits.delete(key);
    }
    lastSweep = at;
  }

  function take(key: string): TakeResult {
    const at = now();
    if (at - lastSweep >= windowMs) sweep(at);

    const times = (hits.get(key) ?? []).filter((t) => t > at - windowMs);
    if (times.length >= limit) {
      hits.set(key, times);
      const oldest = times[0] ?? at;
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - at) / 1000)),
      };
    }

    if (!hits.has(key) && hits.size >= maxKeys) {
      sweep(at);
      // Still full of live keys: forget the one inserted first rather than grow without bound.
      const first = hits.keys().next();
      if (hits.size >= maxKeys && !first.done) hits.delete(first.value);
    }
    times.push(at);
    hits.set(key, times);
    return { ok: true };
  }

  return { take, size: () => hits.size };
}
