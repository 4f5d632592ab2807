/**
 * `npm start`: runs the console's server in this very process, compiled to plain JavaScript by the
 * build (lib/cli/server-bundle.ts), so that no TypeScript loader runs beside it. When the build is
 * missing or older than the sources, a child `lib/cli/start.ts --build-only` first checks the
 * configuration and builds; it exits before this process serves. Then the compiled lib/cli/start.ts
 * runs here: it checks the configuration and serves (see there for `--no-sandbox`, `--no-build`).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import v8 from "node:v8";
import { isNewerThanSources, SERVER_BUNDLE } from "./build-freshness.mjs";

// Set before anything is compiled (issue 11: a server in a quarter of a gigabyte):
// - PGlite's postgres (9 MB of WebAssembly) stays on V8's baseline compiler: optimizing it took
//   ~60 MB and 20 s of CPU at start, for queries that take microseconds either way.
// - An old generation that grows in small steps: the console's live heap is 60-80 MB, and V8's
//   defaults let it grow to three times that between collections (10% steps cost a tenth of the
//   requests per second under load).
// - The young generation's size only applies from the command line, so package.json's `start`
//   sets it: 16 MB semi-spaces. With 4 MB, scavenges took 18% of the CPU under load and the
//   list held 50-55% of the do-nothing route's requests per second; with 16 MB, 11% and 61-65%,
//   for some 15-20 MB of RSS (paid for by PGlite's smaller buffers, lib/db/pglite-setup.ts).
// - Not --optimize-for-size: it kept the heap smaller still but cost a quarter or more of the
//   requests per second (issue 11's bench).
v8.setFlagsFromString("--liftoff-only");
v8.setFlagsFromString("--heap-growing-percent=20");

const args = process.argv.slice(2);
if (!args.includes("--no-build") && !isNewerThanSources(SERVER_BUNDLE)) {
  const build = spawnSync(
    process.execPath,
    ["--import", "tsx", "lib/cli/start.ts", "--build-only", ...args],
    { stdio: "inherit" },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}
if (!existsSync(SERVER_BUNDLE)) {
  console.error("There is no build to serve; run `npm start` without --no-build once.");
  process.exit(1);
}
await import(pathToFileURL(path.resolve(SERVER_BUNDLE)).href);
