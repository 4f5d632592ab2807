/**
 * The console's server: Node's HTTP server with the gate (./gate.ts) in front of Next, in the
 * process `npm start` runs (lib/cli/start.ts checks the configuration and the build first). On the
 * sandbox it starts the bundled sandbox here too, because the ping guard is lifted only for a
 * sandbox this process runs (lib/sandbox/running.ts).
 */
import next from "next";
import { parseEnv, parseSandboxEnv, type ConsoleEnv } from "../env";
import { startSandbox } from "../sandbox/server";
import { createConsoleServer } from "./console-server";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
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

async function startOwnSandbox(port: number): Promise<void> {
  const sandboxEnv = parseSandboxEnv(process.env, { allowLoopback: true });
  try {
    const sandbox = await startSandbox({
      port,
      allowLoopback: sandboxEnv.allowLoopback,
      keys: sandboxEnv.keys,
    });
    console.log(`Sandbox: ${sandbox.url} (simulated Conekta and Razorpay)`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(
      code === "EADDRINUSE"
        ? `Port ${port} is taken, so the sandbox cannot start. Set SANDBOX_PORT to a free port.`
        : `The sandbox could not start: ${String(error)}`,
    );
  }
}

export interface ServeOptions {
  /** Next's dev server instead of the production build. */
  dev: boolean;
  /** Start the bundled sandbox here when the console runs on it (off: someone else runs it). */
  ownSandbox: boolean;
}

/** Starts the sandbox (when asked), prepares Next and listens; resolves once the console answers. */
export async function serve({ dev, ownSandbox }: ServeOptions): Promise<ConsoleEnv> {
  const env = parseEnv(process.env);
  if (env.sandbox && ownSandbox) await startOwnSandbox(env.sandboxPort);

  const app = next({ dev, hostname: env.host, port: env.port, dir: process.cwd() });
  await app.prepare();
  const handle = app.getRequestHandler();
  const upgrade = app.getUpgradeHandler();

  const server = createConsoleServer({
    gate: { publicUrl: env.publicUrl },
    dev,
    handle: (req, res) => void handle(req, res),
    upgrade: (req, socket, head) => void upgrade(req, socket, head),
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.port, env.host, () => resolve());
  }).catch((error: NodeJS.ErrnoException) =>
    fail(
      error.code === "EADDRINUSE"
        ? `Port ${env.port} is taken, so the console cannot start. Set PORT to a free port.`
        : `The console could not start: ${String(error)}`,
    ),
  );
  console.log(
    `\nWebhook Console is running at ${consoleUrl(env.host, env.port)}${env.sandbox ? " (sandbox data)" : ""}\n`,
  );
  return env;
}
