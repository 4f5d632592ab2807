import { describe, expect, it } from "vitest";
import { pickTheme } from "./theme";

describe("pickTheme", () => {
  it.each(["system", "light", "dark"])("keeps the saved choice %s", (saved) => {
    expect(pickTheme(saved)).toBe(saved);
  });

  it.each([undefined, "", "Dark", "blue"])("follows the system for %j", (saved) => {
    expect(pickTheme(saved)).toBe("system");
  });
});
