import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("npm start", () => {
  it("stops before building or serving when a configuration value is bad, naming the variable", () => {
    const result = spawnSync(process.execPath, ["lib/cli/start.mjs"], {
      env: { ...process.env, CONEKTA_API_BASE: "notaurl", PORT: "3999" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      "Invalid configuration: CONEKTA_API_BASE must be an http(s) URL",
    );
    expect(result.stdout).not.toContain("building");
  });
});
