import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * PGlite lets a second process open a data folder that one already has open, and the two then
 * overwrite each other's files. The console leaves its process id in the folder while it has it
 * open, so that a script (`npm run audit:verify`) can refuse to open the folder under it.
 */
const MARKER = "in-use.pid";

export function markDataDirInUse(dataDir: string): () => void {
  const file = path.join(dataDir, MARKER);
  writeFileSync(file, String(process.pid));
  const release = () => {
    if (holderOf(dataDir) === process.pid) rmSync(file, { force: true });
  };
  process.once("exit", release);
  return release;
}

/** The id of another live process that has this data folder open, or null. */
export function otherHolderOf(dataDir: string): number | null {
  const pid = holderOf(dataDir);
  if (pid === null || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; it still holds the folder.
    return (error as NodeJS.ErrnoException).code === "EPERM" ? pid : null;
  }
}

function holderOf(dataDir: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path.join(dataDir, MARKER), "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}
