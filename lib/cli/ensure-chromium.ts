/**
 * Browser tests need a Chromium. Playwright cannot download its own on machines without general
 * internet access, so we use the system's: found, installed with apt when we are root on Debian,
 * or Playwright's own download elsewhere. If nothing works, say exactly what to do.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { findChromium } from "../../e2e/chromium";

function run(command: string, args: string[]): boolean {
  console.log(`$ ${command} ${args.join(" ")}`);
  return spawnSync(command, args, { stdio: "inherit" }).status === 0;
}

function main() {
  const found = findChromium();
  if (found) {
    console.log(`Browser tests use ${found}`);
    return;
  }
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.log("No Chromium found; installing Debian's chromium package…");
    if (
      run("apt-get", ["update", "-qq"]) &&
      run("apt-get", ["install", "-y", "-qq", "chromium"]) &&
      findChromium()
    )
      return;
  } else if (run("npx", ["playwright", "install", "chromium"])) {
    process.env.PLAYWRIGHT_BUNDLED_CHROMIUM = "1";
    return;
  }
  console.error(
    [
      "",
      "Browser tests need Chromium and none could be found or installed.",
      "  On Debian or Ubuntu, as root: apt-get update && apt-get install -y chromium",
      "  Elsewhere: npx playwright install chromium",
      "  Or point CHROMIUM_PATH at a Chromium or Chrome binary.",
    ].join("\n"),
  );
  process.exit(1);
}

main();
