import "server-only";
import { getEnv } from "@/lib/env";
import { openDatabase, type Database, type OpenDatabase } from "./client";

export type { Database };

// Kept on globalThis so that Next's module reloads in dev do not open a second PGlite on the same
// folder (PGlite allows one process, one handle).
const state = globalThis as typeof globalThis & {
  __consoleDb?: Promise<OpenDatabase>;
  /** The same database once open, for the read caches' synchronous check (./invalidation.ts). */
  __consoleDbOpen?: OpenDatabase;
};

/** The console's database, opened and migrated on first use (instrumentation.ts opens it at start). */
export async function getDb(): Promise<Database> {
  if (!state.__consoleDb) {
    const opening = openDatabase(getEnv().database);
    state.__consoleDb = opening;
    void opening.then(
      (open) => {
        if (state.__consoleDb === opening) state.__consoleDbOpen = open;
      },
      () => undefined,
    );
  }
  return (await state.__consoleDb).db;
}

/** The database if it is open now, else null: never opens it. */
export function openedDatabase(): OpenDatabase | null {
  return state.__consoleDbOpen ?? null;
}

/** For tests and scripts: use this database instead of the configured one. */
export function installDatabase(open: OpenDatabase) {
  state.__consoleDb = Promise.resolve(open);
  state.__consoleDbOpen = open;
}

/**
 * Closes the database, so that PGlite writes out what it holds in memory before the process ends
 * (instrumentation.ts calls it on SIGTERM and SIGINT).
 */
export async function closeDb(): Promise<void> {
  const open = state.__consoleDb;
  state.__consoleDb = undefined;
  state.__consoleDbOpen = undefined;
  if (open) await (await open).close();
}
