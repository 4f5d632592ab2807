import { ConfigError, parseSandboxEnv } from "../env";
import { startSandbox } from "./server";

// `npm run sandbox`: the emulator alone, for scripts and for pointing a console at it by hand.
async function main() {
  const env = parseSandboxEnv(process.env);
  const sandbox = await startSandbox({
    port: env.port,
    allowLoopback: env.allowLoopback,
    keys: env.keys,
  });
  console.log(`Sandbox listening on ${sandbox.url} (Conekta at /conekta, Razorpay at /razorpay)`);
  console.log(
    `Loopback webhook URLs are ${env.allowLoopback ? "accepted" : "refused, as the real providers do"}.`,
  );
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
