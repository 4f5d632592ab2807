import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { resetAuth } from "@/lib/auth/auth";
import { createDatabase } from "@/lib/testing/postgres-server";
import { openDatabase, type Database, type OpenDatabase } from "./client";
import { installDatabase } from "./index";

/** The database-facing suites run once per engine: `describe.each(engines)(...)`. */
export const engines = ["pglite", "postgres"] as const;
export type Engine = (typeof engines)[number];

/** A fresh, migrated database: in-memory PGlite, or a new database on the run's PostgreSQL server. */
export async function openTestDatabase(engine: Engine): Promise<OpenDatabase> {
  if (engine === "pglite") return openDatabase({ kind: "memory" });
  const name = `test_${randomUUID().replaceAll("-", "").slice(0, 20)}`;
  return openDatabase({ kind: "server", url: await createDatabase(inject("postgresUrl"), name) });
}

/**
 * Gives the surrounding describe block a fresh database of this engine, installed as the console's
 * (getDb, better-auth); returns a getter for it.
 */
export function withTestDatabase(engine: Engine): () => Database {
  let open: OpenDatabase | undefined;
  beforeAll(async () => {
    open = await openTestDatabase(engine);
    installDatabase(open);
    resetAuth();
  }, 30_000);
  afterAll(async () => {
    await open?.close();
  });
  return () => {
    if (!open) throw new Error("the test database is not open yet (use it inside a test)");
    return open.db;
  };
}
