import "server-only";
import type { OpenDatabase } from "./client";
import { openedDatabase } from "./index";

/**
 * In-process read caches in front of the database's hot reads (a list request's session, user and
 * grants, its webhooks' last pings, the account's webhook count), so that a warm request makes no
 * database round trip at all (issue 11).
 *
 * DESIGN.md says the server "keeps nothing in memory that another instance would need". These
 * caches keep nothing of the kind: the state stays in PostgreSQL, and an entry is only a copy that
 * is dropped the moment the database says it changed. Every write that could change a cached read
 * announces itself on a channel (a trigger per table, migration 0007_cache_notify.sql, so that no
 * code path and no other process can forget to), and every instance listens (./listen.ts):
 * - in this process, the writer also evicts at once (`announce`), before its reply leaves;
 * - on embedded PGlite the one connection that writes is the one that listens (one process holds
 *   the data folder), so nothing is missed;
 * - on a PostgreSQL server each instance listens on its own connection, and another instance's
 *   write evicts here within milliseconds of its commit. While that connection is down the caches
 *   are bypassed (every read goes to the database) and emptied, until LISTEN holds again.
 * A read that raced a write is not kept: an eviction between a read's start (`begin`) and its
 * `set` drops the value. A bounded TTL per entry is a safety net on top.
 */

/** What the caches share, on globalThis: Next may load this module more than once per process. */
interface Bus {
  caches: Set<ReadCache<unknown>>;
  trusted: boolean;
  listening: { open: OpenDatabase; stop: () => Promise<void> } | null;
}

const state = globalThis as typeof globalThis & { __consoleReadCaches?: Bus };
const bus: Bus = (state.__consoleReadCaches ??= {
  caches: new Set(),
  trusted: false,
  listening: null,
});

function clearAll() {
  for (const cache of bus.caches) cache.clear();
}

/**
 * Evicts what a payload names (`user:<id>`, `ping:<provider>/<account>/<webhook>`,
 * `count:<provider>/<account>`), in every cache of that kind; `*` or anything unknown empties all.
 */
export function announce(payload: string) {
  const colon = payload.indexOf(":");
  const kind = colon === -1 ? "" : payload.slice(0, colon);
  const id = payload.slice(colon + 1);
  let known = false;
  for (const cache of bus.caches)
    if (cache.kind === kind) {
      known = true;
      cache.evict(id);
    }
  if (!known && kind !== "user" && kind !== "ping" && kind !== "count") clearAll();
}

/** Starts listening on the database now open, once; a database installed later starts anew. */
function follow(open: OpenDatabase) {
  const previous = bus.listening;
  if (previous?.open === open) return;
  bus.trusted = false;
  clearAll();
  if (previous) void previous.stop().catch(() => undefined);
  const listening: NonNullable<Bus["listening"]> = { open, stop: () => Promise.resolve() };
  bus.listening = listening;
  listening.stop = open.listen({
    onMessage: (payload) => {
      if (bus.listening === listening) announce(payload);
    },
    onTrust: (trusted) => {
      if (bus.listening !== listening) return;
      // Whatever was written while nobody listened is unknown: start empty either way.
      clearAll();
      bus.trusted = trusted;
    },
  });
}

/** Whether the caches may answer now: the database is open and its invalidations are heard. */
export function cachesTrusted(): boolean {
  const open = openedDatabase();
  if (!open) return false;
  follow(open);
  return bus.trusted && bus.listening?.open === open;
}

/** For tests: stop listening (the next cache read starts again). */
export async function stopFollowing() {
  const listening = bus.listening;
  bus.listening = null;
  bus.trusted = false;
  clearAll();
  await listening?.stop();
}

interface Entry<V> {
  value: V;
  until: number;
}

/**
 * One cache: `kind` is the payload prefix that evicts it; an entry is evicted by its key, or by its
 * `tag` (a session entry by its user's id).
 */
export class ReadCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private version = 0;

  constructor(
    readonly kind: string,
    private readonly options: { ttlMs: number; max: number; tag?: (value: V) => string },
  ) {
    bus.caches.add(this as ReadCache<unknown>);
  }

  /** The kept value; undefined on a miss, an expired entry, or while the caches are not trusted. */
  get(key: string): V | undefined {
    if (!cachesTrusted()) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until > Date.now()) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  /** Taken before reading the database; `set` keeps the value only if nothing was evicted since. */
  begin(): number {
    return this.version;
  }

  /** Keeps a value read since `begin`, until `until` (ms since epoch) or the TTL, whichever is first. */
  set(key: string, value: V, begun: number, until = Infinity) {
    if (begun !== this.version || !cachesTrusted()) return;
    const expires = Math.min(until, Date.now() + this.options.ttlMs);
    if (expires <= Date.now()) return;
    if (this.entries.size >= this.options.max && !this.entries.has(key))
      this.entries.delete(this.entries.keys().next().value ?? "");
    this.entries.set(key, { value, until: expires });
  }

  evict(id: string) {
    this.version++;
    this.entries.delete(id);
    const { tag } = this.options;
    if (!tag) return;
    for (const [key, entry] of this.entries) if (tag(entry.value) === id) this.entries.delete(key);
  }

  clear() {
    this.version++;
    this.entries.clear();
  }

  get size() {
    return this.entries.size;
  }
}
