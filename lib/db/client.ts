import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import type { DatabaseConfig } from "@/lib/env";
import { markDataDirInUse } from "./data-dir-marker";
import { listenOnPglite, listenOnServer, type Listen } from "./listen";
import { createPgliteDataDir, PGLITE_START_PARAMS } from "./pglite-setup";
import * as schema from "./schema";

export type { Listen };

/**
 * One schema, two engines: embedded PGlite in a data folder by default, a PostgreSQL server when
 * DATABASE_URL is set. Both are drizzle's PgDatabase, so the queries above this file are the same.
 */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface OpenDatabase {
  db: Database;
  engine: DatabaseConfig["kind"];
  /** Follows the cache invalidations every instance announces (./invalidation.ts). */
  listen: Listen;
  close(): Promise<void>;
}

const migrationsFolder = path.join(process.cwd(), "lib/db/migrations");

// Any fixed 64-bit number: every instance that migrates takes the same lock, so two instances
// starting together run the migrations one after the other instead of racing.
const MIGRATION_LOCK = 7_461_204_390_118_731;

/** Opens the database and brings its schema up to date. */
export async function openDatabase(
  config: DatabaseConfig | { kind: "memory" },
): Promise<OpenDatabase> {
  if (config.kind === "server") {
    const pool = new pg.Pool({ connectionString: config.url, max: 10 });
    // An idle client that the server dropped must not crash the process.
    pool.on("error", () => undefined);
    const client = await pool.connect();
    try {
      await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
      await migrateNodePg(drizzleNodePg({ client, schema }), { migrationsFolder });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
      client.release();
    }
    const listening = listenOnServer(config.url);
    return {
      db: drizzleNodePg({ client: pool, schema }),
      engine: "server",
      listen: listening.listen,
      close: () => listening.stopAll().finally(() => pool.end()),
    };
  }

  let client: PGlite;
  let release: () => void = () => undefined;
  if (config.kind === "memory") client = new PGlite({ startParams: PGLITE_START_PARAMS });
  else {
    const dataDir = path.resolve(config.dataDir);
    mkdirSync(dataDir, { recursive: true });
    release = markDataDirInUse(dataDir);
    await createPgliteDataDir(path.join(dataDir, "pglite")).catch((error: unknown) => {
      release();
      throw error;
    });
    client = new PGlite(path.join(dataDir, "pglite"), { startParams: PGLITE_START_PARAMS });
  }
  const db = drizzlePglite({ client, schema });
  // PGlite is one connection in this process, so the lock only keeps the code path the same.
  await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
  try {
    await migratePglite(db, { migrationsFolder });
  } finally {
    await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
  }
  const listening = listenOnPglite(client);
  return {
    db,
    engine: "embedded",
    listen: listening.listen,
    close: () =>
      listening
        .stopAll()
        .then(() => client.close())
        .finally(release),
  };
}
