/**
 * One console instance as `npm start` runs it, for the bench: a child `node lib/cli/start.mjs
 * --no-build` (the bench has just built) on the sandbox (which it starts in its own process), on
 * free ports, with a fresh embedded database, and the session of a sandbox demo user.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { request } from "undici";
import { SANDBOX_PASSWORD } from "@/lib/sandbox/defaults";
import { freePort } from "../../utils/free-port";
import { startArgs } from "../start-command";

export interface RunningConsole {
  url: string;
  sandboxUrl: string;
  pid: number;
  /** Where the child's output goes; shown when something fails. */
  logFile: string;
  /** The resident set size of the console's process, in MB (VmRSS of /proc/<pid>/status). */
  rssMb(): number;
  /** `name=value; …` of a signed-in demo user, for the Cookie header. */
  signIn(email: string): Promise<string>;
  stop(): Promise<void>;
}

async function waitUntilUp(url: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const { statusCode, body } = await request(`${url}/api/health`);
      await body.dump();
      if (statusCode === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`the console did not start; its output:\n${readFileSync(logFile, "utf8")}`);
}

/** Starts the console on the sandbox and resolves once it answers. */
export async function startConsole(): Promise<RunningConsole> {
  const [port, sandboxPort] = [await freePort(), await freePort()];
  const dataDir = mkdtempSync(path.join(tmpdir(), "webhook-console-bench-"));
  const logFile = path.join(dataDir, "console.log");
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, startArgs("--no-build"), {
    env: {
      ...process.env,
      PORT: String(port),
      SANDBOX: "on",
      SANDBOX_PORT: String(sandboxPort),
      SANDBOX_ALLOW_LOOPBACK: "true",
      DATA_DIR: path.join(dataDir, "data"),
      // An empty value is unset (lib/env.ts): the embedded database, never someone's server.
      DATABASE_URL: "",
      PUBLIC_URL: "",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(killer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilUp(url, child, logFile);
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    url,
    sandboxUrl: `http://127.0.0.1:${sandboxPort}`,
    pid: child.pid!,
    logFile,
    rssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      const kb = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? Number.NaN);
      return kb / 1024;
    },
    async signIn(email) {
      // A change must come from the console's own origin (lib/http/route.ts), as a page's would.
      const { statusCode, headers, body } = await request(`${url}/api/auth/sign-in`, {
        method: "POST",
        headers: { origin: url, "content-type": "application/json" },
        body: JSON.stringify({ email, password: SANDBOX_PASSWORD }),
      });
      await body.dump();
      const setCookie = headers["set-cookie"];
      const cookies = (Array.isArray(setCookie) ? setCookie : [setCookie ?? ""])
        .map((c) => c.split(";")[0]!)
        .filter(Boolean);
      if (statusCode !== 200 || cookies.length === 0)
        throw new Error(`signing in ${email}: HTTP ${statusCode}`);
      return cookies.join("; ");
    },
    stop,
  };
}
