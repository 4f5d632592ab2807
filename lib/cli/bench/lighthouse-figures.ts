/**
 * Lighthouse's results as the bench's figures (issue 11): the median score of each page × form
 * factor × category over the rounds, beside its target, and the audits that cost points, so that a
 * miss says what to fix. Pure: the runs themselves are in `lighthouse.ts`.
 */
import { median } from "./load";
import type { Figure } from "./report";

export const CATEGORIES = ["performance", "accessibility", "best-practices"] as const;
export type Category = (typeof CATEGORIES)[number];
export const PAGES = ["list", "form"] as const;
export type Page = (typeof PAGES)[number];
export const FORM_FACTORS = ["mobile", "desktop"] as const;
export type FormFactor = (typeof FORM_FACTORS)[number];

/** The targets of issue 11, as Lighthouse shows scores (0–100). */
export const LIGHTHOUSE_TARGETS: Record<Category, number> = {
  performance: 95,
  accessibility: 100,
  "best-practices": 100,
};

/** A performance metric scoring under this is one Lighthouse shows in orange or red. */
const GOOD_METRIC = 0.9;
/** The most audit ids a figure lists; the rest are counted. */
const MAX_LISTED = 6;

/** The part of a Lighthouse result (LHR) read here. */
export interface LighthouseResult {
  categories: Record<
    string,
    { score: number | null; auditRefs: { id: string; weight: number; acronym?: string }[] }
  >;
  audits: Record<
    string,
    {
      score: number | null;
      scoreDisplayMode: string;
      displayValue?: string;
      details?: { type?: string; items?: unknown[] };
    }
  >;
  runtimeError?: { code: string; message: string };
  /** Lighthouse's measure of the host's CPU speed (a 2-core machine under load: around 1,000–2,500). */
  environment?: { benchmarkIndex: number };
}

/** One audit that cost points: `target-size ×65 e.g. td > button`, `largest-contentful-paint 3.1 s`. */
export interface FailingAudit {
  id: string;
  /** Its weight in the category's score: the heaviest is listed first. */
  weight: number;
  /** What the audit measured or how many elements failed, when it says. */
  note?: string;
}

/** One run's scores (0–100, null when Lighthouse could not score) and what cost points. */
export interface LighthouseSummary {
  scores: Record<Category, number | null>;
  failing: Record<Category, FailingAudit[]>;
  /** Lighthouse's own runtime error (`NO_FCP`, …), when the run failed. */
  error?: string;
  /**
   * The host's CPU index during the run. Mobile runs scale the page's measured CPU time by 4, so
   * a busy machine (a low index) costs performance points that a user's phone would not.
   */
  benchmarkIndex?: number;
}

export interface LighthouseRun {
  page: Page;
  formFactor: FormFactor;
  summary: LighthouseSummary;
}

const SCORED = new Set(["binary", "numeric", "metricSavings"]);
const NOTE_LENGTH = 60;

const clip = (text: string) =>
  text.length > NOTE_LENGTH ? `${text.slice(0, NOTE_LENGTH - 1)}…` : text;

/**
 * What an accessibility or best-practices audit found: how many items, and the first element's
 * selector (`×65 e.g. tr > td > button`) or the kinds of issue (`×1 Content security policy`).
 */
function itemsNote(items: unknown[]): string {
  const first = items[0] as { node?: { selector?: string }; issueType?: unknown } | undefined;
  const kinds = [
    ...new Set(
      items.flatMap((item) => {
        const kind = (item as { issueType?: unknown }).issueType;
        return typeof kind === "string" ? [kind] : [];
      }),
    ),
  ];
  if (kinds.length > 0) return clip(`×${items.length} ${kinds.join(", ")}`);
  const selector = first?.node?.selector;
  return clip(`×${items.length}${selector ? ` e.g. ${selector}` : ""}`);
}

function failingAudits(lhr: LighthouseResult, category: Category): FailingAudit[] {
  const refs = lhr.categories[category]?.auditRefs ?? [];
  const failing: FailingAudit[] = [];
  for (const ref of refs) {
    const audit = lhr.audits[ref.id];
    if (!audit || audit.score === null || !SCORED.has(audit.scoreDisplayMode)) continue;
    // In performance only the metrics weigh; an opportunity or diagnostic (weight 0) counts when
    // it scores 0, which Lighthouse gives for savings large enough to move a metric.
    const fails =
      category === "performance"
        ? ref.weight > 0
          ? audit.score < GOOD_METRIC
          : audit.scoreDisplayMode === "metricSavings" && audit.score === 0
        : ref.weight > 0 && audit.score < 1;
    if (!fails) continue;
    const items = audit.details?.items ?? [];
    const note =
      category !== "performance" && items.length > 0 ? itemsNote(items) : audit.displayValue;
    failing.push({ id: ref.id, weight: ref.weight, ...(note ? { note: clip(note) } : {}) });
  }
  // The heaviest first: a metric before the opportunities that would move it.
  return failing.sort((a, b) => b.weight - a.weight);
}

/** A Lighthouse result as the bench keeps it: scores out of 100 and the audits that cost points. */
export function summarize(lhr: LighthouseResult): LighthouseSummary {
  const scores = {} as LighthouseSummary["scores"];
  const failing = {} as LighthouseSummary["failing"];
  for (const category of CATEGORIES) {
    const score = lhr.runtimeError ? null : (lhr.categories[category]?.score ?? null);
    // Rounded as Lighthouse's report shows it.
    scores[category] = score === null ? null : Math.round(score * 100);
    failing[category] = lhr.runtimeError ? [] : failingAudits(lhr, category);
  }
  const benchmarkIndex = lhr.environment?.benchmarkIndex;
  return {
    scores,
    failing,
    ...(lhr.runtimeError ? { error: `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` } : {}),
    ...(benchmarkIndex === undefined ? {} : { benchmarkIndex: Math.round(benchmarkIndex) }),
  };
}

/** A run that Lighthouse could not finish: no scores, and why. */
export function failedRun(error: unknown): LighthouseSummary {
  const scores = {} as LighthouseSummary["scores"];
  const failing = {} as LighthouseSummary["failing"];
  for (const category of CATEGORIES) {
    scores[category] = null;
    failing[category] = [];
  }
  const message = error instanceof Error ? error.message : String(error);
  return { scores, failing, error: clip(message.split("\n")[0]!) };
}

/**
 * `id note` for each audit that failed in any run, the heaviest first, then the most frequent,
 * with `(2 of 3)` when it failed in some runs only. The note is the first run's that has one:
 * `perRun` comes with the run nearest the median first.
 */
function describeFailing(perRun: FailingAudit[][]): string {
  const seen = new Map<string, FailingAudit & { runs: number }>();
  for (const audits of perRun)
    for (const audit of audits) {
      const entry = seen.get(audit.id);
      if (entry) entry.runs++;
      else seen.set(audit.id, { ...audit, runs: 1 });
    }
  const described = [...seen.values()]
    .sort((a, b) => b.weight - a.weight || b.runs - a.runs)
    .map(
      ({ id, note, runs }) =>
        `${id}${note ? ` ${note}` : ""}${runs < perRun.length ? ` (${runs} of ${perRun.length})` : ""}`,
    );
  const rest = described.length - MAX_LISTED;
  return [...described.slice(0, MAX_LISTED), ...(rest > 0 ? [`${rest} more`] : [])].join(", ");
}

const TITLES: Record<Category, string> = {
  performance: "performance",
  accessibility: "accessibility",
  "best-practices": "best practices",
};

/**
 * One figure per category × page × form factor: the median of the rounds' scores (NaN, a miss,
 * when no round scored), the rounds' scores, and for a score under target the audits that cost
 * points in any round.
 */
export function lighthouseFigures(runs: readonly LighthouseRun[]): Figure[] {
  const figures: Figure[] = [];
  for (const category of CATEGORIES)
    for (const page of PAGES)
      for (const formFactor of FORM_FACTORS) {
        const mine = runs.filter((r) => r.page === page && r.formFactor === formFactor);
        const scores = mine.map((r) => r.summary.scores[category]);
        const scored = scores.filter((s): s is number => s !== null);
        const value = scored.length > 0 ? median(scored) : Number.NaN;
        const target = LIGHTHOUSE_TARGETS[category];
        const parts = [
          mine.length === 0
            ? "not run"
            : `${scores.length === 1 ? "one round" : `rounds ${scores.map((s) => s ?? "–").join(" ")}`}`,
        ];
        const errors = [
          ...new Set(mine.flatMap((r) => (r.summary.error ? [r.summary.error] : []))),
        ];
        if (errors.length > 0) parts.push(`failed: ${errors.join("; ")}`);
        const indexes = mine.flatMap((r) => r.summary.benchmarkIndex ?? []);
        if (category === "performance" && indexes.length > 0)
          parts.push(`CPU index ${median(indexes)}`);
        if (!(value >= target)) {
          // The audits' notes (`2.9 s`) from the run whose score is the median, or nearest it.
          const distance = (r: LighthouseRun) =>
            Math.abs((r.summary.scores[category] ?? Number.POSITIVE_INFINITY) - value);
          const failing = describeFailing(
            [...mine]
              .sort((a, b) => distance(a) - distance(b))
              .map((r) => r.summary.failing[category]),
          );
          if (failing) parts.push(`failing: ${failing}`);
        } else {
          // A pass with a round under target: what cost points there, since a best-practices
          // round under 100 is often a real error that only sometimes happens.
          const under = mine.filter((r) => (r.summary.scores[category] ?? target) < target);
          const failing = describeFailing(under.map((r) => r.summary.failing[category]));
          if (failing) parts.push(`under target in ${under.length} of ${mine.length}: ${failing}`);
        }
        figures.push({
          figure: `Lighthouse ${page} ${formFactor}, ${TITLES[category]}`,
          value,
          unit: "",
          detail: parts.join("; "),
          target: { min: target },
        });
      }
  return figures;
}
