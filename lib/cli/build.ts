/**
 * The production build, shared by `npm start`, `npm run bench` and `npm run size`: Next's build in
 * `.next` and the console's compiled server beside it (./server-bundle.ts). A build is stale when
 * any source is newer than it (./build-freshness.mjs), and a stale or missing one is rebuilt.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { isNewerThanSources, SERVER_BUNDLE } from "./build-freshness.mjs";
import { bundleServer } from "./server-bundle";

const BUILD_ID = path.join(".next", "BUILD_ID");

/** True when `.next` holds a build, and the compiled server, at least as new as every source. */
export function isBuildFresh(root = process.cwd()): boolean {
  return isNewerThanSources(BUILD_ID, root) && isNewerThanSources(SERVER_BUNDLE, root);
}

/** Builds the app unless the build is fresh; false when the build failed (its output says why). */
export function ensureBuild(root = process.cwd()): boolean {
  if (isBuildFresh(root)) return true;
  if (!isNewerThanSources(BUILD_ID, root)) {
    console.log(
      existsSync(path.join(root, BUILD_ID))
        ? "Sources changed since the last build; rebuilding…"
        : "No build yet; building the console (about a minute)…",
    );
    const result = spawnSync("npx", ["next", "build"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (result.status !== 0) return false;
  }
  // After Next's build, which empties `.next` first.
  return bundleServer(root);
}
