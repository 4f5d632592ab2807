/**
 * `npm run audit:verify`: walks the configured database's audit log and checks its hash chain.
 * Prints `Audit log OK: N entries` (exit 0) or `Audit log BROKEN at entry #seq: reason` (exit 1);
 * exit 2 when it cannot look (bad configuration, the data folder in use, no database).
 */
import path from "node:path";
import { verifyAuditChain } from "../audit/verify";
import { openDatabase } from "../db/client";
import { otherHolderOf } from "../db/data-dir-marker";
import { ConfigError, parseEnv } from "../env";

function stop(message: string): never {
  console.error(message);
  process.exit(2);
}

async function main() {
  let database;
  try {
    database = parseEnv(process.env).database;
  } catch (error) {
    if (error instanceof ConfigError) stop(error.message);
    throw error;
  }
  if (database.kind === "embedded") {
    const dataDir = path.resolve(database.dataDir);
    const holder = otherHolderOf(dataDir);
    if (holder !== null)
      stop(
        `The data folder ${dataDir} is in use by process ${holder} (a running console). ` +
          "The embedded database allows one process at a time: stop the console, then run " +
          "npm run audit:verify again.",
      );
  }
  const open = await openDatabase(database).catch((error: unknown) =>
    stop(`Could not open the database: ${error instanceof Error ? error.message : String(error)}`),
  );
  try {
    const report = await verifyAuditChain(open.db);
    if (report.ok) {
      console.log(`Audit log OK: ${report.entries} entries`);
      return 0;
    }
    console.log(
      `Audit log BROKEN at entry #${report.firstBroken.seq}: ${report.firstBroken.reason}`,
    );
    return 1;
  } finally {
    await open.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => stop(error instanceof Error ? (error.stack ?? error.message) : String(error)),
);
