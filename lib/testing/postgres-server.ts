// A real, throwaway PostgreSQL server for tests: its own data directory, port and socket, gone after stop().
import { execFile, execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { freePort } from "../utils/free-port";

const run = promisify(execFile);

const NOT_INSTALLED =
  "PostgreSQL is not installed: on Debian/Ubuntu run `apt-get install -y postgresql` (as root), " +
  "or set PG_BIN to the folder with initdb and pg_ctl";

/** The folder holding initdb and pg_ctl: $PG_BIN, else the newest /usr/lib/postgresql/<ver>/bin, else PATH. */
function findPgBin(): string {
  const hasTools = (dir: string) =>
    existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl"));
  if (process.env.PG_BIN) {
    if (hasTools(process.env.PG_BIN)) return process.env.PG_BIN;
    throw new Error(`PG_BIN=${process.env.PG_BIN} has no initdb and pg_ctl. ${NOT_INSTALLED}`);
  }
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+(\.\d+)?$/.test(v)) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  const candidates = [
    ...versions.map((v) => join(root, v, "bin")),
    ...(process.env.PATH ?? "").split(delimiter).filter(Boolean),
  ];
  const found = candidates.find(hasTools);
  if (!found) throw new Error(NOT_INSTALLED);
  return found;
}

type PostgresServer = { url: string; port: number; stop(): Promise<void> };

export async function startPostgres(): Promise<PostgresServer> {
  const bin = findPgBin();
  const dir = mkdtempSync(join(tmpdir(), "pg-test-"));
  // PostgreSQL refuses to run as root, so as root we run its tools as the `postgres` OS user
  // (created by Debian's package), which must then own the data directory.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const id = (flag: string) =>
      Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }));
    chownSync(dir, id("-u"), id("-g"));
  }
  const command = (tool: string, ...args: string[]): [string, string[], { cwd: string }] =>
    asRoot
      ? ["runuser", ["-u", "postgres", "--", join(bin, tool), ...args], { cwd: dir }]
      : [join(bin, tool), args, { cwd: dir }];
  const stopCommand = command("pg_ctl", "-D", dir, "-m", "immediate", "stop");

  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    try {
      execFileSync(stopCommand[0], stopCommand[1], { cwd: dir, stdio: "ignore" });
    } catch {
      // Not running (start failed, or already gone).
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.on("exit", stopSync);

  try {
    const port = await freePort();
    await run(
      ...command("initdb", "-D", dir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"),
    );
    const serverOptions = `-p ${port} -k '${dir}' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
    await run(
      ...command("pg_ctl", "-D", dir, "-l", join(dir, "log"), "-w", "-o", serverOptions, "start"),
    );
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      port,
      async stop() {
        if (stopped) return;
        stopped = true;
        process.off("exit", stopSync);
        await run(...stopCommand).catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    const log = existsSync(join(dir, "log")) ? readFileSync(join(dir, "log"), "utf8") : "";
    process.off("exit", stopSync);
    stopSync();
    throw new Error(`could not start PostgreSQL from ${bin}: ${String(error)}\n${log}`.trim());
  }
}

/** Creates database `name` on the server at `serverUrl` and returns the new database's URL. */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`invalid database name: ${JSON.stringify(name)}`);
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
