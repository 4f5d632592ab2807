import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // `server-only` throws outside React Server Components; unit tests run server code directly.
      "server-only": fileURLToPath(new URL("./lib/testing/server-only.ts", import.meta.url)),
    },
  },
  test: {
    include: ["{lib,components,app}/**/*.test.{ts,tsx}"],
    environment: "node",
    // A throwaway PostgreSQL server for the whole run; tests get its URL via inject("postgresUrl").
    globalSetup: ["./lib/testing/vitest-global-setup.ts"],
    testTimeout: 15_000,
  },
});
