import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { chromiumArgs, findChromium } from "./e2e/chromium";
import { startArgs } from "./lib/cli/start-command";

/**
 * Browser tests run against the production build and the sandbox, both started here on free ports.
 * The ports are chosen once, in the runner, and handed to the workers through the environment.
 */
function freePort(): string {
  return execFileSync(process.execPath, [
    "-e",
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
  ]).toString();
}

process.env.E2E_CONSOLE_PORT ??= freePort();
process.env.E2E_SANDBOX_PORT ??= freePort();
const consoleUrl = `http://127.0.0.1:${process.env.E2E_CONSOLE_PORT}`;
const sandboxUrl = `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT}`;
process.env.E2E_SANDBOX_URL = sandboxUrl;
process.env.E2E_CONSOLE_URL = consoleUrl;
// A fresh embedded database per run, so the seeded demo users and the audit log start empty.
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "webhook-console-e2e-"));

const executablePath = findChromium();

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: consoleUrl,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    // Signs in each sandbox demo user once and saves their cookies (e2e/fixtures/auth.ts).
    { name: "sign-in", testMatch: /auth\.setup\.ts$/ },
    {
      name: "chromium",
      dependencies: ["sign-in"],
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: { executablePath, args: chromiumArgs },
        // Support staff open every account; a test that needs another role says so.
        storageState: "e2e/.auth/support.json",
      },
    },
  ],
  // The console starts the sandbox in its own process (lib/server/main.ts), as `npm start` does:
  // the ping guard trusts only a sandbox of its own process. Tests drive it at E2E_SANDBOX_URL.
  webServer: {
    // Builds only when the sources changed since the last build, then serves it.
    command: ["node", ...startArgs()].join(" "),
    url: `${consoleUrl}/api/conekta/accounts`,
    env: {
      PORT: process.env.E2E_CONSOLE_PORT,
      SANDBOX: "on",
      SANDBOX_PORT: process.env.E2E_SANDBOX_PORT,
      SANDBOX_ALLOW_LOOPBACK: "true",
      // Short, so that the "provider timed out" state can be shown in a test.
      PROVIDER_TIMEOUT_MS: "3000",
      DATA_DIR: process.env.E2E_DATA_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: "ignore",
  },
});
