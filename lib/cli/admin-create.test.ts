import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { getAuth, resetAuth } from "@/lib/auth/auth";
import { openDatabase, type OpenDatabase } from "@/lib/db/client";
import { installDatabase } from "@/lib/db/index";
import { auditLog, user } from "@/lib/db/schema";
import { engines, type Engine } from "@/lib/db/testing";
import { createDatabase } from "@/lib/testing/postgres-server";

/** `npm run admin:create -- …` as an operator runs it, the password piped on stdin. */
function runAdminCreate(args: string[], env: Record<string, string>, stdin: string) {
  const { DATABASE_URL: _, DATA_DIR: __, ...rest } = process.env;
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "lib/cli/admin-create.ts", ...args],
    { env: { ...rest, ...env } },
  );
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stdin.end(stdin);
  return new Promise<{ code: number | null; out: string }>((resolve) =>
    child.on("close", (code) => resolve({ code, out: out.trim() })),
  );
}

async function databaseFor(engine: Engine): Promise<{
  env: Record<string, string>;
  config: { kind: "embedded"; dataDir: string } | { kind: "server"; url: string };
}> {
  if (engine === "pglite") {
    const dataDir = mkdtempSync(path.join(tmpdir(), "admin-create-"));
    return { env: { DATA_DIR: dataDir }, config: { kind: "embedded", dataDir } };
  }
  const name = `test_${randomUUID().replaceAll("-", "").slice(0, 20)}`;
  const url = await createDatabase(inject("postgresUrl"), name);
  return { env: { DATABASE_URL: url }, config: { kind: "server", url } };
}

/** Opens the database the command wrote to, after it exited, and runs `look` on it. */
async function lookInto<T>(
  config: Awaited<ReturnType<typeof databaseFor>>["config"],
  look: (open: OpenDatabase) => Promise<T>,
): Promise<T> {
  const open = await openDatabase(config);
  installDatabase(open);
  resetAuth();
  try {
    return await look(open);
  } finally {
    await open.close();
    resetAuth();
  }
}

describe.each(engines)("npm run admin:create on %s", (engine) => {
  it("creates an admin who signs in with the piped password", { timeout: 60_000 }, async () => {
    const { env, config } = await databaseFor(engine);
    const password = "first-admin-password";
    const created = await runAdminCreate(
      ["--email", "Ops@Example.TEST", "--name", "Olga Ops"],
      env,
      `${password}\n`,
    );
    expect(created).toEqual({ code: 0, out: "Created admin ops@example.test" });

    const again = await runAdminCreate(["--email", "ops@example.test"], env, `${password}\n`);
    expect(again).toEqual({
      code: 1,
      out: "A user with the email ops@example.test already exists.",
    });

    await lookInto(config, async ({ db }) => {
      const [row] = await db.select().from(user).where(eq(user.email, "ops@example.test"));
      expect(row).toMatchObject({ name: "Olga Ops", role: "admin", disabled: false });
      const signedIn = await (
        await getAuth()
      ).api.signInEmail({
        body: { email: "ops@example.test", password },
      });
      expect(signedIn.user.id).toBe(row?.id);
      const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, "user.create"));
      expect(entry).toMatchObject({ outcome: "ok", userAgent: "npm run admin:create" });
      expect(JSON.stringify(entry)).not.toContain(password);
    });
  });
});

describe("npm run admin:create refuses", () => {
  it.each([
    [["--email", "x@example.test"], "short\n", "The password must have at least 12 characters."],
    [["--email", "not-an-email"], "long-enough-password\n", "Not an email address."],
    [[], "long-enough-password\n", "--email is required."],
    [["--email", "x@example.test", "--role", "viewer"], "", "Unknown option '--role'"],
  ])("%j with %j", { timeout: 30_000 }, async (args, stdin, message) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "admin-create-"));
    const result = await runAdminCreate(args, { DATA_DIR: dataDir }, stdin);
    expect(result.code).toBe(1);
    expect(result.out).toContain(message);
  });

  it(
    "a data folder that a running console has open, creating nothing",
    { timeout: 60_000 },
    async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), "admin-create-"));
      const config = { kind: "embedded" as const, dataDir };
      // This test process plays the running console: it holds the folder open.
      const held = await openDatabase(config);
      try {
        const result = await runAdminCreate(
          ["--email", "late@example.test"],
          { DATA_DIR: dataDir },
          "long-enough-password\n",
        );
        expect(result.code).toBe(1);
        expect(result.out).toContain(`The console (process ${process.pid}) has the data folder`);
        expect(result.out).toContain("Stop the console first, or set DATABASE_URL.");
        expect(await held.db.select().from(user)).toEqual([]);
      } finally {
        await held.close();
      }
      const after = await runAdminCreate(
        ["--email", "late@example.test"],
        { DATA_DIR: dataDir },
        "long-enough-password\n",
      );
      expect(after).toEqual({ code: 0, out: "Created admin late@example.test" });
    },
  );
});
