import { describe, expect, it } from "vitest";
import { isUnchangedMaskedUrl, maskUrlCredentials } from "./mask";

describe("maskUrlCredentials", () => {
  it.each([
    ["https://user:pa55@example.com/hook", "https://****:****@example.com/hook"],
    ["http://token@example.com/x?y=1", "http://****@example.com/x?y=1"],
    ["https://example.com/hook?next=a@b", "https://example.com/hook?next=a@b"],
    ["https://example.com/a@b", "https://example.com/a@b"],
    ["https://example.com", "https://example.com"],
  ])("shows %s as %s", (url, masked) => {
    expect(maskUrlCredentials(url)).toBe(masked);
  });

  it("knows a masked URL the user did not touch from a new one", () => {
    const original = "https://user:pa55@example.com/hook";
    expect(isUnchangedMaskedUrl("https://****:****@example.com/hook", original)).toBe(true);
    expect(isUnchangedMaskedUrl("https://****:****@example.com/other", original)).toBe(false);
    expect(isUnchangedMaskedUrl(original, original)).toBe(false);
  });
});
