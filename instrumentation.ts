// Runs once when the server starts: a bad configuration stops it here, naming the variable; then the
// database is opened and migrated, and on the sandbox the demo users are seeded. A stop (SIGTERM,
// SIGINT) closes the database before the process exits.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("./lib/env");
  const env = getEnv();
  const { getDb } = await import("./lib/db");
  await getDb();
  if (env.sandbox) {
    const { seedSandboxUsers } = await import("./lib/auth/seed-sandbox");
    await seedSandboxUsers();
  }
  // In a module of its own: the file Next also compiles for the Edge runtime names no Node API.
  const { closeOnSignal } = await import("./lib/server/close-on-signal");
  closeOnSignal();
}
