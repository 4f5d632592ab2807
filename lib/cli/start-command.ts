/**
 * The node arguments of `npm start` (package.json's `start` script, minus its `node`), so that the
 * bench, the fuzz and the browser tests start the console exactly as `npm start` does, V8 flags
 * included (some, like the young generation's size, only apply from a process's command line).
 */
import { readFileSync } from "node:fs";
import path from "node:path";

export function startArgs(...extra: string[]): string[] {
  const manifest = JSON.parse(readFileSync(path.join(process.cwd(), "package.json"), "utf8")) as {
    scripts: { start: string };
  };
  const [node, ...args] = manifest.scripts.start.trim().split(/\s+/);
  if (node !== "node") throw new Error(`npm start runs ${node}, not node`);
  return [...args, ...extra];
}
