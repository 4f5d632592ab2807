import { describe, expect, it } from "vitest";
import { pickLanguage } from "./language";

describe("pickLanguage", () => {
  it.each([
    [undefined, "es-MX,es;q=0.9,en;q=0.8", "es"],
    [undefined, "en-US,en;q=0.9", "en"],
    [undefined, "fr-FR,es;q=0.5,en;q=0.7", "en"],
    [undefined, "de", "en"],
    [undefined, null, "en"],
    ["es", "en-US", "es"],
    ["xx", "es", "es"],
  ])("saved %s with Accept-Language %s gives %s", (saved, header, want) => {
    expect(pickLanguage(saved, header)).toBe(want);
  });
});
