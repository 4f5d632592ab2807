/**
 * `npm start` (compiled, through ./start.mjs) and `npm run dev` (with tsx): validates the
 * configuration, builds the app when there is no fresh build, then serves the console in this
 * process (lib/server/main.ts), with the sandbox when the console runs on it. `--no-sandbox` leaves
 * the sandbox to someone else, `--no-build` serves the build as it is, `--dev` runs Next's dev
 * server instead, and `--build-only` stops after the build (./start.mjs serves it).
 */
import { ConfigError, parseEnv, parseSandboxEnv } from "../env";
import { ensureBuild } from "./build";

const args = new Set(process.argv.slice(2));
const dev = args.has("--dev");

function fail(message: string): never {
  console.error(message);
  process.exit(1);
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
  if (!dev && !args.has("--no-build") && !ensureBuild())
    fail("The build failed; see the messages above.");
  if (args.has("--build-only")) return;
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
