import { describe, expect, it } from "vitest";
import { changedFields } from "./changed-fields";

describe("changedFields", () => {
  it("names the fields an edit changed, not the update time", () => {
    expect(
      changedFields(
        { url: "a", events: ["x"], active: true, updatedAt: "1" },
        { url: "a", events: ["x", "y"], active: false, updatedAt: "2" },
      ),
    ).toEqual(["events", "active"]);
  });

  it("has nothing to say without both sides", () => {
    expect(changedFields(null, { url: "a" })).toEqual([]);
    expect(changedFields({ url: "a" }, null)).toEqual([]);
  });
});
