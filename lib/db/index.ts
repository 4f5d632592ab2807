import "server-only";
import { getEnv } from "@/lib/env";
import { openDatabase, type Database, type OpenDatabase } from "./client";

export type { Database };

// Kept on globalThis so that Next's module reloads in dev do not open a second PGlite on the same
// folder (PGlite allows one process, one handle).
const state = globalThis as typeof globalThis & { __consoleDb?: Promise<OpenDatabase> };

/** The console's database, opened and migrated on first use (instrumentation.ts opens it at start). */
export async function getDb(): Promise<Database> {
  state.__consoleDb ??= openDatabase(getEnv().database);
  return (await state.__consoleDb).db;
}

/** For tests and scripts: use this database instead of the configured one. */
export function installDatabase(open: OpenDatabase) {
  state.__consoleDb = Promise.resolve(open);
}

/**
 * Closes the database, so that PGlite writes out what it holds in memory before the process ends
 * (instrumentation.ts calls it on SIGTERM and SIGINT).
 */
export async function closeDb(): Promise<void> {
  const open = state.__consoleDb;
  state.__consoleDb = undefined;
  if (open) await (await open).close();
}
