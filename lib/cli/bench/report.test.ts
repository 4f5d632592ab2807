import { describe, expect, it } from "vitest";
import { quantile } from "./load";
import { formatTable, passes, type Figure } from "./report";

describe("the bench's verdicts", () => {
  it.each([
    [{ max: 1.5 }, 1.5, true],
    [{ max: 1.5 }, 1.51, false],
    [{ min: 60 }, 60, true],
    [{ min: 60 }, 59.9, false],
    [{ max: 5 }, Number.NaN, false],
  ] as const)("target %j, measured %d: pass is %s", (target, value, pass) => {
    expect(passes({ figure: "x", value, unit: "ms", target })).toBe(pass);
  });

  it("shows a figure without a target as context, neither pass nor miss", () => {
    const figures: Figure[] = [
      { figure: "added p50", value: 2.04, unit: "ms", target: { max: 1.5 }, detail: "4.1 − 2.1" },
      { figure: "health c=50", value: 1234.5, unit: "req/s" },
    ];
    expect(passes(figures[1]!)).toBeNull();
    const [header, , miss, context] = formatTable(figures).split("\n");
    expect(header).toMatch(/^figure\s+measured\s+target\s+result\s+made of$/);
    expect(miss).toMatch(/^added p50\s+2\.0 ms\s+≤ 1\.5 ms\s+MISS\s+4\.1 − 2\.1$/);
    expect(context).toMatch(/^health c=50\s+1235 req\/s$/);
  });

  it("takes quantiles by nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(quantile(values, 0.5)).toBe(50);
    expect(quantile(values, 0.99)).toBe(99);
    expect(quantile([7], 0.99)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });
});
