/**
 * When a build is stale: any source is newer than it. Plain JavaScript, because `npm start`'s
 * launcher (./start.mjs) asks it before anything TypeScript can run; lib/cli/build.ts asks it too.
 */
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

/** The console's server code, compiled by the build (lib/cli/server-bundle.ts), run by `npm start`. */
export const SERVER_BUNDLE = path.join(".next", "console", "start.mjs");

/** The newest modification time under the app's sources. */
function newestSource(root) {
  let newest = 0;
  const walk = (dir) => {
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

/** True when `file` (relative to `root`) exists and is at least as new as every source. */
export function isNewerThanSources(file, root = process.cwd()) {
  const full = path.join(root, file);
  return existsSync(full) && statSync(full).mtimeMs >= newestSource(root);
}
