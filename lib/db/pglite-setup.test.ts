import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "./client";

// Both engines' drivers answer a raw query with `{ rows }`.
async function rowsOf<T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

describe("the embedded database in a data folder", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "webhook-console-pglite-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("creates a new folder's database, opens it with 4 MB of shared buffers and room for 4 connections, and keeps its rows across opens", async () => {
    const first = await openDatabase({ kind: "embedded", dataDir });
    expect(existsSync(path.join(dataDir, "pglite", "PG_VERSION"))).toBe(true);
    const settings = await rowsOf<{ setting: string; unit: string }>(
      first.db,
      sql`select setting, unit from pg_settings where name = 'shared_buffers'`,
    );
    // 512 pages of 8 kB
    expect(settings).toEqual([{ setting: "512", unit: "8kB" }]);
    const connections = await rowsOf<{ max_connections: string }>(
      first.db,
      sql`show max_connections`,
    );
    expect(connections).toEqual([{ max_connections: "4" }]);
    await first.db.execute(sql`create table kept (id int)`);
    await first.db.execute(sql`insert into kept values (7)`);
    await first.close();

    const again = await openDatabase({ kind: "embedded", dataDir });
    expect(await rowsOf(again.db, sql`select id from kept`)).toEqual([{ id: 7 }]);
    await again.close();
  }, 60_000);
});
