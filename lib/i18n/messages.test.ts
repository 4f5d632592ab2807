import { describe, expect, it } from "vitest";
import { messages } from "./messages";

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) =>
    keysOf(child, prefix ? `${prefix}.${key}` : key),
  );
}

describe("messages", () => {
  it("has every English key in Spanish and no extra ones", () => {
    expect(keysOf(messages.es).sort()).toEqual(keysOf(messages.en).sort());
  });

  it("has no empty translation", () => {
    for (const language of ["en", "es"] as const) {
      const empty = keysOf(messages[language]).filter((key) => {
        const value = key
          .split(".")
          .reduce<unknown>(
            (node, part) => (node as Record<string, unknown>)[part],
            messages[language],
          );
        return typeof value !== "string" || value.trim() === "";
      });
      expect(empty, language).toEqual([]);
    }
  });
});
