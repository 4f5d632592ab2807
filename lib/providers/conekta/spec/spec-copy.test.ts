import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The 2.1.0 spec, and the current one that the 2.2.0 contract is checked against.
const SPECS = ["conekta-openapi-v2.1.0.yaml", "conekta-openapi.yaml"];

describe.each(SPECS)("the Conekta spec copy %s", (file) => {
  const copy = path.resolve(process.cwd(), "lib/providers/conekta/spec", file);
  const reference = path.resolve(process.cwd(), "../shared/provider-specs", file);

  it("is byte for byte the team's reference, wherever the reference is beside the clone", () => {
    const copied = readFileSync(copy, "utf8");
    expect(copied).toContain("openapi:");
    // A fresh clone on its own has no ../shared: then the copy is all there is to check against.
    const expected = existsSync(reference) ? readFileSync(reference, "utf8") : copied;
    expect(copied === expected, `lib/providers/conekta/spec/${file} differs from ../shared/provider-specs`).toBe(true);
  });
});
