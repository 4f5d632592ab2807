// Runs once when the server starts: a bad configuration stops it here, naming the variable; then the
// database is opened and migrated, and on the sandbox the demo users are seeded.
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
}
