import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/**
 * The channel on which the database announces every write that could change what an instance
 * keeps in its read cache (migration 0007_cache_notify.sql); ./invalidation.ts evicts on it.
 */
export const CACHE_CHANNEL = "console_cache";

export interface CacheListener {
  /** A payload announced on the channel: what to evict (`user:<id>`, `ping:…`, `*` for all). */
  onMessage(payload: string): void;
  /**
   * True once every later write is sure to be heard; false as soon as that stops being true (the
   * connection dropped, or listening stopped). A cache trusts its entries only in between.
   */
  onTrust(trusted: boolean): void;
}

/** Starts following the channel; the function it returns stops. */
export type Listen = (listener: CacheListener) => () => Promise<void>;

/** Listening on a database, and stopping all of it when the database closes. */
export interface Listening {
  listen: Listen;
  stopAll(): Promise<void>;
}

function tracked(start: Listen): Listening {
  const stops = new Set<() => Promise<void>>();
  return {
    listen(listener) {
      const stop = start(listener);
      const once = async () => {
        if (stops.delete(once)) await stop();
      };
      stops.add(once);
      return once;
    },
    stopAll: async () => {
      await Promise.all([...stops].map((stop) => stop()));
    },
  };
}

/**
 * Embedded PGlite is one connection in one process (the data folder is locked,
 * ./data-dir-marker.ts), so every write goes through the handle that listens: nothing can be
 * missed, and the notification is delivered as the writing query's reply is read.
 */
export function listenOnPglite(client: PGlite): Listening {
  return tracked((listener) => {
    let stopped = false;
    const unlisten = client
      .listen(CACHE_CHANNEL, (payload) => listener.onMessage(payload))
      .then(
        (stop) => {
          if (!stopped) listener.onTrust(true);
          return stop;
        },
        () => null,
      );
    return async () => {
      stopped = true;
      listener.onTrust(false);
      const stop = await unlisten;
      await stop?.().catch(() => undefined);
    };
  });
}

const RETRY_MS = [50, 100, 250, 500, 1_000, 2_000, 5_000];
/** How often the listening connection is checked: a silently dead one stops the trust within this. */
export const HEARTBEAT_MS = 2_000;
/** How the listening connection shows in pg_stat_activity. */
export const LISTENER_APPLICATION_NAME = "webhook-console cache listener";

/**
 * A PostgreSQL server is shared by every instance: each one listens on a connection of its own
 * (LISTEN cannot share the pool's), so that another instance's write evicts here within
 * milliseconds of its commit. While that connection is down (or its heartbeat fails) the trust is
 * off, so the caches are bypassed; it comes back once LISTEN holds again.
 */
export function listenOnServer(url: string): Listening {
  return tracked((listener) => {
    let stopped = false;
    let current: pg.Client | null = null;
    let heartbeat: NodeJS.Timeout | undefined;
    let retry: NodeJS.Timeout | undefined;
    let attempt = 0;

    const drop = (client: pg.Client) => {
      if (current !== client) return;
      current = null;
      clearInterval(heartbeat);
      listener.onTrust(false);
      client.end().catch(() => undefined);
      if (stopped) return;
      retry = setTimeout(() => void connect(), RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]);
      retry.unref();
    };

    const connect = async () => {
      const client = new pg.Client({
        connectionString: url,
        application_name: LISTENER_APPLICATION_NAME,
        keepAlive: true,
        connectionTimeoutMillis: 5_000,
        query_timeout: HEARTBEAT_MS,
      });
      current = client;
      client.on("error", () => drop(client));
      client.on("end", () => drop(client));
      client.on("notification", ({ channel, payload }) => {
        if (channel === CACHE_CHANNEL && current === client) listener.onMessage(payload ?? "*");
      });
      try {
        await client.connect();
        await client.query(`LISTEN ${CACHE_CHANNEL}`);
      } catch {
        drop(client);
        return;
      }
      if (current !== client) return;
      attempt = 0;
      listener.onTrust(true);
      heartbeat = setInterval(() => {
        client.query("select 1").catch(() => drop(client));
      }, HEARTBEAT_MS);
      heartbeat.unref();
    };

    void connect();
    return async () => {
      stopped = true;
      clearTimeout(retry);
      clearInterval(heartbeat);
      const client = current;
      current = null;
      listener.onTrust(false);
      await client?.end().catch(() => undefined);
    };
  });
}
