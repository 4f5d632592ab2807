import { closeDb } from "@/lib/db";
import { closeProviderDispatchers } from "@/lib/providers/dispatcher";

/**
 * Stopping the console closes the database first: an embedded PGlite killed with writes still in
 * its memory loses them. (`npm start` sets NEXT_MANUAL_SIG_HANDLE so that Next leaves the signals
 * to this handler instead of exiting before the close is done.) Idle provider connections are
 * closed politely; a call still in flight does not hold up the database's close or the exit, which
 * cuts it.
 */
export function closeOnSignal(): void {
  const stop = (signal: NodeJS.Signals) => {
    void closeProviderDispatchers().catch(() => undefined);
    void closeDb()
      .catch((error: unknown) => console.error("Closing the database failed:", error))
      .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
