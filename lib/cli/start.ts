/**
 * `npm start`: validates the configuration, builds the app when there is no fresh build, starts the
 * sandbox when the console runs on it, then serves the console. `--no-sandbox` leaves the sandbox to
 * someone else (the browser tests start their own); `--dev` runs Next's dev server instead.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { ConfigError, parseEnv, parseSandboxEnv } from "../env";
import { startSandbox } from "../sandbox/server";

const root = process.cwd();
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const args = new Set(process.argv.slice(2));
const dev = args.has("--dev");

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** The newest modification time under the app's sources, to tell whether the build is stale. */
function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of ["app", "components", "lib", "public"]) if (existsSync(dir)) walk(dir);
  for (const file of [
    "proxy.ts",
    "instrumentation.ts",
    "next.config.mjs",
    "package-lock.json",
    "tailwind.config.ts",
    "postcss.config.mjs",
  ]) {
    if (existsSync(file)) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

function ensureBuild() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (existsSync(buildId) && statSync(buildId).mtimeMs >= newestSource()) return;
  console.log(
    existsSync(buildId)
      ? "Sources changed since the last build; rebuilding…"
      : "No build yet; building the console (about a minute)…",
  );
  const result = spawnSync("npx", ["next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) fail("The build failed; see the messages above.");
}

/** The address to open: `localhost` when the console listens on loopback (or on every interface). */
function consoleUrl(host: string, port: number): string {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  const local =
    bare === "localhost" ||
    /^127(\.\d{1,3}){3}$/.test(bare) ||
    bare === "::1" ||
    bare === "0.0.0.0" ||
    bare === "::";
  if (local) return `http://localhost:${port}`;
  return `http://${bare.includes(":") ? `[${bare}]` : host}:${port}`;
}

async function main() {
  let env;
  let sandboxEnv;
  try {
    env = parseEnv(process.env);
    sandboxEnv = parseSandboxEnv(process.env, { allowLoopback: true });
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }

  if (env.sandbox && !args.has("--no-sandbox")) {
    try {
      const sandbox = await startSandbox({
        port: env.sandboxPort,
        allowLoopback: sandboxEnv.allowLoopback,
        keys: sandboxEnv.keys,
      });
      console.log(`Sandbox: ${sandbox.url} (simulated Conekta and Razorpay)`);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      fail(
        code === "EADDRINUSE"
          ? `Port ${env.sandboxPort} is taken, so the sandbox cannot start. Set SANDBOX_PORT to a free port.`
          : `The sandbox could not start: ${String(error)}`,
      );
    }
  }

  if (!dev) ensureBuild();
  // Next's own binary, not through npx: a stop signal must reach the server itself, which closes
  // the database before it exits (instrumentation.ts).
  const next = spawn(
    process.execPath,
    [nextBin, dev ? "dev" : "start", "-H", env.host, "-p", String(env.port)],
    {
      stdio: ["ignore", "pipe", "inherit"],
      env: {
        ...process.env,
        NODE_ENV: dev ? "development" : "production",
        NEXT_TELEMETRY_DISABLED: "1",
        // The console's handler closes the database, then exits; Next would exit first.
        NEXT_MANUAL_SIG_HANDLE: "true",
      },
    },
  );
  next.stdout.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    process.stdout.write(text);
    if (/Ready in|started server/i.test(text)) {
      console.log(
        `\nWebhook Console is running at ${consoleUrl(env.host, env.port)}${env.sandbox ? " (sandbox data)" : ""}\n`,
      );
    }
  });
  const stop = (signal: NodeJS.Signals) => next.kill(signal);
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  next.on("exit", (code) => process.exit(code ?? 0));
}

void main();
