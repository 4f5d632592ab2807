import { describe, expect, it } from "vitest";
import { csvCell } from "./csv";

describe("an audit CSV cell", () => {
  it.each([
    ["plain text", "webhook.update", "webhook.update"],
    ["nothing", null, ""],
    ["a number", 42, "42"],
    ["a comma", "a,b", '"a,b"'],
    ["quotes", 'say "hi"', '"say ""hi"""'],
    ["a line break", "one\ntwo", '"one\ntwo"'],
    ["a formula", "=1+1", "'=1+1"],
    ["a plus", "+34 600", "'+34 600"],
    ["a minus", "-2", "'-2"],
    ["an at", "@SUM(A1)", "'@SUM(A1)"],
    ["a tab first", "\t=1", "'\t=1"],
    ["a formula with a comma", "=HYPERLINK(a,b)", `"'=HYPERLINK(a,b)"`],
    ["JSON", { url: "https://x" }, '"{""url"":""https://x""}"'],
  ])("with %s", (_, value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});
