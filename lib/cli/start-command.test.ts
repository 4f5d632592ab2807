import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { startArgs } from "./start-command";

describe("startArgs", () => {
  it("is npm start's command line after node, with the extra arguments last", () => {
    const script = (
      JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } }
    ).scripts.start;
    expect(["node", ...startArgs()].join(" ")).toBe(script);
    expect(startArgs("--no-build").slice(-2)).toEqual(["lib/cli/start.mjs", "--no-build"]);
  });

  it("carries the V8 flags that only apply from the command line", () => {
    expect(startArgs()).toContain("--max-semi-space-size=16");
  });
});
