/** The bench's figures: each one measured, beside its target, and the table that shows them. */

export interface Figure {
  figure: string;
  /** The measured value, in `unit`. */
  value: number;
  unit: string;
  /** What the value was made of (`console 3.1 − direct 1.2`), for the reader. */
  detail?: string;
  /** The target as a bound on `value`; none for a figure shown for context. */
  target?: { max: number } | { min: number };
}

export function passes(figure: Figure): boolean | null {
  const { target, value } = figure;
  if (!target) return null;
  if (Number.isNaN(value)) return false;
  return "max" in target ? value <= target.max : value >= target.min;
}

const number = (value: number) =>
  Number.isInteger(value) || Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(1);

function targetText({ target, unit }: Figure): string {
  if (!target) return "";
  return "max" in target ? `≤ ${number(target.max)} ${unit}` : `≥ ${number(target.min)} ${unit}`;
}

/** One line per figure: figure, measured, target, pass/miss; the details below the table. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => {
    const verdict = passes(f);
    return [
      f.figure,
      `${number(f.value)} ${f.unit}`,
      targetText(f),
      verdict === null ? "" : verdict ? "pass" : "MISS",
      f.detail ?? "",
    ];
  });
  const header = ["figure", "measured", "target", "result", "made of"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
