import { defineConfig } from "drizzle-kit";

// `npx drizzle-kit generate` writes a new migration from lib/db/schema.ts; the console runs them at
// start (lib/db/client.ts), on PGlite and on a PostgreSQL server alike.
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema.ts",
  out: "./lib/db/migrations",
});
