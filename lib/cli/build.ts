/**
 * The production build in `.next`, shared by `npm start`, `npm run bench` and `npm run size`: a
 * build is stale when any source is newer than its BUILD_ID, and a stale or missing one is rebuilt.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCE_DIRS = ["app", "components", "lib", "public"];
const SOURCE_FILES = [
  "proxy.ts",
  "instrumentation.ts",
  "next.config.mjs",
  "package-lock.json",
  "tailwind.config.ts",
  "postcss.config.mjs",
];

/** The newest modification time under the app's sources, to tell whether the build is stale. */
function newestSource(root: string): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(path.join(root, dir))) walk(path.join(root, dir));
  for (const file of SOURCE_FILES) {
    const full = path.join(root, file);
    if (existsSync(full)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** True when `.next` holds a build at least as new as every source. */
export function isBuildFresh(root = process.cwd()): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  return existsSync(buildId) && statSync(buildId).mtimeMs >= newestSource(root);
}

/** Builds the app unless the build is fresh; false when the build failed (its output says why). */
export function ensureBuild(root = process.cwd()): boolean {
  if (isBuildFresh(root)) return true;
  console.log(
    existsSync(path.join(root, ".next", "BUILD_ID"))
      ? "Sources changed since the last build; rebuilding…"
      : "No build yet; building the console (about a minute)…",
  );
  const result = spawnSync("npx", ["next", "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  return result.status === 0;
}
