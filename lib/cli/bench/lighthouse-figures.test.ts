import { describe, expect, it } from "vitest";
import {
  failedRun,
  lighthouseFigures,
  summarize,
  type LighthouseResult,
  type LighthouseRun,
  type LighthouseSummary,
} from "./lighthouse-figures";
import { passes } from "./report";

type Audit = LighthouseResult["audits"][string];

/** A Lighthouse result with the given category scores and audits (`id: [weight, audit]`). */
function lhr(
  scores: Record<string, number | null>,
  audits: Record<string, Record<string, [number, Audit]>> = {},
): LighthouseResult {
  const result: LighthouseResult = { categories: {}, audits: {} };
  for (const [category, score] of Object.entries(scores)) {
    const mine = audits[category] ?? {};
    result.categories[category] = {
      score,
      auditRefs: Object.entries(mine).map(([id, [weight]]) => ({ id, weight })),
    };
    for (const [id, [, audit]] of Object.entries(mine)) result.audits[id] = audit;
  }
  return result;
}

const ALL_GOOD = { performance: 1, accessibility: 1, "best-practices": 1 };

describe("a Lighthouse result as the bench keeps it", () => {
  it("shows scores out of 100, rounded as Lighthouse's report does", () => {
    const { scores, failing, error, benchmarkIndex } = summarize({
      ...lhr({ performance: 0.945, accessibility: 0.96, "best-practices": 1 }),
      environment: { benchmarkIndex: 1834.6 },
    });
    expect(benchmarkIndex).toBe(1835);
    expect(scores).toEqual({ performance: 95, accessibility: 96, "best-practices": 100 });
    expect(failing).toEqual({ performance: [], accessibility: [], "best-practices": [] });
    expect(error).toBeUndefined();
  });

  it("lists the weighted accessibility and best-practices audits that failed, with what they found", () => {
    const { failing } = summarize(
      lhr(
        { ...ALL_GOOD, accessibility: 0.96, "best-practices": 0.96 },
        {
          accessibility: {
            "color-contrast": [7, { score: 1, scoreDisplayMode: "binary" }],
            "target-size": [
              7,
              {
                score: 0,
                scoreDisplayMode: "binary",
                details: {
                  type: "table",
                  items: [
                    { node: { selector: "tbody > tr > td > button#select" } },
                    { node: { selector: "other" } },
                  ],
                },
              },
            ],
            // Unweighted, or not applicable: not what cost the points.
            "skip-link": [0, { score: 0, scoreDisplayMode: "binary" }],
            accesskeys: [0, { score: null, scoreDisplayMode: "notApplicable" }],
          },
          "best-practices": {
            "inspector-issues": [
              1,
              {
                score: 0,
                scoreDisplayMode: "binary",
                details: {
                  type: "table",
                  items: [
                    { issueType: "Content security policy" },
                    { issueType: "Content security policy" },
                  ],
                },
              },
            ],
          },
        },
      ),
    );
    expect(failing.accessibility).toEqual([
      { id: "target-size", weight: 7, note: "×2 e.g. tbody > tr > td > button#select" },
    ]);
    expect(failing["best-practices"]).toEqual([
      { id: "inspector-issues", weight: 1, note: "×2 Content security policy" },
    ]);
  });

  it("lists the performance metrics under 0.9, heaviest first, and the opportunities that score 0", () => {
    const { failing } = summarize(
      lhr(
        { ...ALL_GOOD, performance: 0.91 },
        {
          performance: {
            "first-contentful-paint": [10, { score: 0.95, scoreDisplayMode: "numeric" }],
            "largest-contentful-paint": [
              25,
              { score: 0.87, scoreDisplayMode: "numeric", displayValue: "2.6 s" },
            ],
            "total-blocking-time": [
              30,
              { score: 0.88, scoreDisplayMode: "numeric", displayValue: "220 ms" },
            ],
            "unused-javascript": [
              0,
              {
                score: 0,
                scoreDisplayMode: "metricSavings",
                displayValue: "Potential savings of 51 KiB",
              },
            ],
            "unminified-css": [0, { score: 0.5, scoreDisplayMode: "metricSavings" }],
            // A diagnostic with no savings to a metric (cache-control: no-store): not listed.
            "bf-cache": [0, { score: 0, scoreDisplayMode: "binary", displayValue: "2 reasons" }],
          },
        },
      ),
    );
    expect(failing.performance).toEqual([
      { id: "total-blocking-time", weight: 30, note: "220 ms" },
      { id: "largest-contentful-paint", weight: 25, note: "2.6 s" },
      { id: "unused-javascript", weight: 0, note: "Potential savings of 51 KiB" },
    ]);
  });

  it("keeps no score from a run that ended in Lighthouse's runtime error", () => {
    const summary = summarize({
      ...lhr(ALL_GOOD),
      runtimeError: { code: "NO_FCP", message: "The page did not paint any content." },
    });
    expect(summary.scores).toEqual({
      performance: null,
      accessibility: null,
      "best-practices": null,
    });
    expect(summary.error).toBe("NO_FCP: The page did not paint any content.");
  });

  it("keeps a run that threw as one with no score and its first line", () => {
    const summary = failedRun(new Error("Chrome exited\nwith a long stack"));
    expect(summary.scores.performance).toBeNull();
    expect(summary.error).toBe("Chrome exited");
  });
});

describe("Lighthouse's figures", () => {
  const summary = (
    performance: number | null,
    failing: LighthouseSummary["failing"]["performance"] = [],
  ): LighthouseSummary => ({
    scores: { performance, accessibility: 100, "best-practices": 100 },
    failing: { performance: failing, accessibility: [], "best-practices": [] },
  });
  const lcp = { id: "largest-contentful-paint", weight: 25, note: "2.9 s" };
  const tbt = { id: "total-blocking-time", weight: 30, note: "220 ms" };
  const tbtWorse = { ...tbt, note: "1,040 ms" };
  const bootup = { id: "bootup-time", weight: 0, note: "1.9 s" };

  it("gives every category × page × form factor, performance first, beside its target", () => {
    const figures = lighthouseFigures([]);
    expect(figures.map((f) => f.figure)).toEqual([
      "Lighthouse list mobile, performance",
      "Lighthouse list desktop, performance",
      "Lighthouse form mobile, performance",
      "Lighthouse form desktop, performance",
      "Lighthouse list mobile, accessibility",
      "Lighthouse list desktop, accessibility",
      "Lighthouse form mobile, accessibility",
      "Lighthouse form desktop, accessibility",
      "Lighthouse list mobile, best practices",
      "Lighthouse list desktop, best practices",
      "Lighthouse form mobile, best practices",
      "Lighthouse form desktop, best practices",
    ]);
    expect(figures.map((f) => f.target)).toEqual([
      ...Array<{ min: number }>(4).fill({ min: 95 }),
      ...Array<{ min: number }>(8).fill({ min: 100 }),
    ]);
    // Not run is not a pass.
    expect(figures.every((f) => passes(f) === false)).toBe(true);
    expect(figures[0]!.detail).toBe("not run");
  });

  it("takes the median of the rounds and names what cost points in any round when it misses", () => {
    const runs: LighthouseRun[] = [
      // The notes are the median run's (91), not the first's.
      { page: "form", formFactor: "mobile", summary: summary(85, [tbtWorse, bootup]) },
      { page: "form", formFactor: "mobile", summary: summary(91, [tbt]) },
      // Lighthouse lists by weight within a run; across runs the heaviest comes first still.
      { page: "form", formFactor: "mobile", summary: summary(94, [tbt, lcp]) },
      { page: "list", formFactor: "mobile", summary: { ...summary(100), benchmarkIndex: 2400 } },
      {
        page: "list",
        formFactor: "mobile",
        summary: { ...summary(95, [lcp]), benchmarkIndex: 900 },
      },
      { page: "list", formFactor: "mobile", summary: { ...summary(98), benchmarkIndex: 2100 } },
    ];
    const byName = new Map(lighthouseFigures(runs).map((f) => [f.figure, f]));
    const form = byName.get("Lighthouse form mobile, performance")!;
    expect(form.value).toBe(91);
    expect(passes(form)).toBe(false);
    expect(form.detail).toBe(
      "rounds 85 91 94; failing: total-blocking-time 220 ms, largest-contentful-paint 2.9 s (1 of 3), bootup-time 1.9 s (1 of 3)",
    );
    const list = byName.get("Lighthouse list mobile, performance")!;
    expect(list.value).toBe(98);
    expect(passes(list)).toBe(true);
    // A pass names no audit, though one round had one; the host's CPU index is a median too.
    expect(list.detail).toBe("rounds 100 95 98; CPU index 2100");
    const accessibility = byName.get("Lighthouse list mobile, accessibility")!;
    expect(passes(accessibility)).toBe(true);
    expect(accessibility.detail).toBe("rounds 100 100 100");
  });

  it("names what cost points in a round under target when the median passes", () => {
    const consoleErrors = { id: "errors-in-console", weight: 1, note: "1 item: GET /x 500" };
    const bestPractices = (score: number, failing: (typeof consoleErrors)[] = []) => ({
      ...summary(100),
      scores: { performance: 100, accessibility: 100, "best-practices": score },
      failing: { performance: [], accessibility: [], "best-practices": failing },
    });
    const runs: LighthouseRun[] = [
      { page: "list", formFactor: "mobile", summary: bestPractices(96, [consoleErrors]) },
      { page: "list", formFactor: "mobile", summary: bestPractices(100) },
      { page: "list", formFactor: "mobile", summary: bestPractices(100) },
    ];
    const figure = lighthouseFigures(runs).find(
      (f) => f.figure === "Lighthouse list mobile, best practices",
    )!;
    expect(passes(figure)).toBe(true);
    expect(figure.detail).toBe(
      "rounds 96 100 100; under target in 1 of 3: errors-in-console 1 item: GET /x 500",
    );
  });

  it("scores from the rounds that ran, says why the others did not, and lists at most six audits", () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ id: `audit-${i}`, weight: 8 - i }));
    const runs: LighthouseRun[] = [
      { page: "list", formFactor: "desktop", summary: failedRun(new Error("Chrome exited")) },
      { page: "list", formFactor: "desktop", summary: summary(80, many) },
    ];
    const figure = lighthouseFigures(runs).find(
      (f) => f.figure === "Lighthouse list desktop, performance",
    )!;
    expect(figure.value).toBe(80);
    expect(figure.detail).toBe(
      "rounds – 80; failed: Chrome exited; failing: audit-0 (1 of 2), audit-1 (1 of 2), " +
        "audit-2 (1 of 2), audit-3 (1 of 2), audit-4 (1 of 2), audit-5 (1 of 2), 2 more",
    );
  });

  it("misses, with the reason, when no round scored", () => {
    const runs: LighthouseRun[] = [
      { page: "form", formFactor: "desktop", summary: failedRun(new Error("NO_FCP")) },
    ];
    const figure = lighthouseFigures(runs).find(
      (f) => f.figure === "Lighthouse form desktop, best practices",
    )!;
    expect(figure.value).toBeNaN();
    expect(passes(figure)).toBe(false);
    expect(figure.detail).toBe("one round; failed: NO_FCP");
  });
});
