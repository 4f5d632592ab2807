import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";

/**
 * PGlite starts postgres with a stock server's memory settings in the console's own process: 128 MB
 * of shared buffers, touched as pages are read, and shared memory for 100 connections. The
 * console's tables (users, sessions, the audit log) are a few megabytes, and the hot reads are
 * cached above the database (lib/db/read-cache.ts), so 4 MB of buffers holds the working set, and
 * a page past them is read again from the data folder through the system's file cache, as a
 * PostgreSQL server's would be. PGlite has one connection, so shared memory for four is plenty
 * (issue 11: a quarter of a gigabyte per server). Measured in one process: 83 MB with 16 MB of
 * buffers and 100 connections, 66 MB with these. The other settings are PGlite's own.
 */
export const PGLITE_START_PARAMS = [
  ...PGlite.defaultStartParams,
  ...["-c", "shared_buffers=4MB", "-c", "max_connections=4"],
];

// Creates the database in the folder and closes it; run by a short-lived `node` of its own.
const CREATE = `
import { PGlite } from "@electric-sql/pglite";
const [dir, params] = process.argv.slice(1);
const db = await PGlite.create(dir, { startParams: JSON.parse(params) });
await db.close();
`;

/**
 * Creates a new data folder's database in a short-lived child process, before the console opens
 * it. Creating one runs initdb in a second PGlite and loads its files through memory: some 80 MB
 * that the allocator keeps for the life of the process once it is freed. In a child, that memory
 * goes back to the system when it exits; the console's own process then only resumes the database.
 */
export async function createPgliteDataDir(pgDataDir: string): Promise<void> {
  if (existsSync(path.join(pgDataDir, "PG_VERSION"))) return;
  await promisify(execFile)(
    process.execPath,
    [
      "--liftoff-only",
      "--input-type=module",
      "--eval",
      CREATE,
      pgDataDir,
      JSON.stringify(PGLITE_START_PARAMS),
    ],
    { cwd: process.cwd(), env: process.env },
  );
}
