import pg from "pg";
import { expect, inject, test } from "vitest";
import { createDatabase } from "./postgres-server";

test("the global setup provides a real PostgreSQL server", async () => {
  const url = await createDatabase(inject("postgresUrl"), `smoke_${process.pid}_${Date.now()}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ one: number }>("select 1 as one");
    expect(result.rows).toEqual([{ one: 1 }]);
    const version = await client.query<{ server_version_num: string }>("show server_version_num");
    expect(Number(version.rows[0]?.server_version_num)).toBeGreaterThanOrEqual(100000);
  } finally {
    await client.end();
  }
});
