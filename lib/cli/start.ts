/**
 * `npm start`: validates the configuration, builds the app when there is no fresh build, then serves
 * the console in this process (lib/server/main.ts), with the sandbox when the console runs on it.
 * `--no-sandbox` leaves the sandbox to someone else, `--no-build` serves the build as it is, and
 * `--dev` runs Next's dev server instead.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { ConfigError, parseEnv, parseSandboxEnv } from "../env";

const root = process.cwd();
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

async function main() {
  try {
    // Both parse again in the server; here a bad value stops the start before any build.
    parseEnv(process.env);
    parseSandboxEnv(process.env, { allowLoopback: true });
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  // `--no-build`: serve the build as it is (a second instance beside one that just built it).
  if (!dev && !args.has("--no-build")) ensureBuild();
  Object.assign(process.env, {
    NODE_ENV: dev ? "development" : "production",
    NEXT_TELEMETRY_DISABLED: "1",
    // The console's handler closes the database, then exits (instrumentation.ts); Next would exit first.
    NEXT_MANUAL_SIG_HANDLE: "true",
  });
  // The server runs in this process, not a child: one process per instance, and the sandbox it
  // starts is one the ping guard can trust (lib/sandbox/running.ts).
  const { serve } = await import("../server/main");
  await serve({ dev, ownSandbox: !args.has("--no-sandbox") });
}

void main();
