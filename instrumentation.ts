// Runs once when the server starts: a bad configuration stops it here, naming the variable; then the
// database is opened and migrated, and on the sandbox the demo users are seeded.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("./lib/env");
  const env = getEnv();
  const { closeDb, getDb } = await import("./lib/db");
  const { closeProviderDispatchers } = await import("./lib/providers/dispatcher");
  await getDb();
  if (env.sandbox) {
    const { seedSandboxUsers } = await import("./lib/auth/seed-sandbox");
    await seedSandboxUsers();
  }
  // Stopping the console closes the database first: an embedded PGlite killed with writes still
  // in its memory loses them. (`npm start` sets NEXT_MANUAL_SIG_HANDLE so that Next leaves the
  // signals to this handler instead of exiting before the close is done.)
  const stop = (signal: NodeJS.Signals) => {
    // Idle provider connections are closed politely; a call still in flight does not hold up the
    // database's close or the exit, which cuts it.
    void closeProviderDispatchers().catch(() => undefined);
    void closeDb()
      .catch((error: unknown) => console.error("Closing the database failed:", error))
      .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
