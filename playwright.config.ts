import { execFileSync } from "node:child_process";
import { defineConfig, devices } from "@playwright/test";
import { chromiumArgs, findChromium } from "./e2e/chromium";

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
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: { executablePath, args: chromiumArgs },
      },
    },
  ],
  webServer: [
    {
      command: "npx tsx lib/sandbox/main.ts",
      url: `${sandboxUrl}/__control/health`,
      env: { SANDBOX_PORT: process.env.E2E_SANDBOX_PORT, SANDBOX_ALLOW_LOOPBACK: "true" },
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore",
    },
    {
      // Builds only when the sources changed since the last build, then serves it.
      command: "npx tsx lib/cli/start.ts --no-sandbox",
      url: `${consoleUrl}/api/conekta/accounts`,
      env: {
        PORT: process.env.E2E_CONSOLE_PORT,
        SANDBOX: "on",
        SANDBOX_PORT: process.env.E2E_SANDBOX_PORT,
        // Short, so that the "provider timed out" state can be shown in a test.
        PROVIDER_TIMEOUT_MS: "3000",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: "ignore",
    },
  ],
});
