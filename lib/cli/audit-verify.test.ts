import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { recordAudit } from "@/lib/audit/record";
import { openDatabase, type OpenDatabase } from "@/lib/db/client";
import { installDatabase } from "@/lib/db/index";
import type { Engine } from "@/lib/db/testing";
import { engines } from "@/lib/db/testing";
import { createDatabase } from "@/lib/testing/postgres-server";

/** `npm run audit:verify` as a person runs it, against a database of its own. */
function runVerify(env: Record<string, string>) {
  const { DATABASE_URL: _, DATA_DIR: __, ...rest } = process.env;
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "lib/cli/audit-verify.ts"],
    { env: { ...rest, ...env } },
  );
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
  return new Promise<{ code: number | null; out: string }>((resolve) =>
    child.on("close", (code) => resolve({ code, out: out.trim() })),
  );
}

async function databaseFor(engine: Engine): Promise<{
  env: Record<string, string>;
  config: { kind: "embedded"; dataDir: string } | { kind: "server"; url: string };
}> {
  if (engine === "pglite") {
    const dataDir = mkdtempSync(path.join(tmpdir(), "audit-verify-"));
    return { env: { DATA_DIR: dataDir }, config: { kind: "embedded", dataDir } };
  }
  const name = `test_${randomUUID().replaceAll("-", "").slice(0, 20)}`;
  const url = await createDatabase(inject("postgresUrl"), name);
  return { env: { DATABASE_URL: url }, config: { kind: "server", url } };
}

const actor = { user: null, requestId: "cli", ip: null, userAgent: null };

describe.each(engines)("npm run audit:verify on %s", (engine) => {
  it("says OK with the count, names a tampered entry (exit 1)", { timeout: 60_000 }, async () => {
    const { env, config } = await databaseFor(engine);
    let open: OpenDatabase = await openDatabase(config);
    installDatabase(open);
    for (const email of ["a@x.test", "b@x.test", "c@x.test"])
      await recordAudit({ actor, email, action: "auth.sign_in_failed", outcome: "unauthorized" });
    await open.close();

    expect(await runVerify(env)).toEqual({ code: 0, out: "Audit log OK: 3 entries" });

    open = await openDatabase(config);
    await open.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await open.db.execute(sql`update audit_log set user_email = 'z@x.test' where seq = 2`);
    await open.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
    await open.close();

    const broken = await runVerify(env);
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/^Audit log BROKEN at entry #2: /);
  });
});

describe("npm run audit:verify on an embedded data folder in use", () => {
  it("refuses to open it under a running console (exit 2)", { timeout: 60_000 }, async () => {
    const { env, config } = await databaseFor("pglite");
    const open = await openDatabase(config);
    try {
      const result = await runVerify(env);
      expect(result.code).toBe(2);
      expect(result.out).toContain(`is in use by process ${process.pid}`);
      expect(result.out).toContain("stop the console");
    } finally {
      await open.close();
    }
    expect((await runVerify(env)).code).toBe(0);
  });
});
