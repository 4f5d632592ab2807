import { describe, expect, it } from "vitest";
import { accountNameOf, isOwnAccount } from "./account-name";

describe("accountNameOf", () => {
  const holding = {
    provider: "conekta",
    id: "default",
    name: "Grupo Norte",
    kind: "holding",
  } as const;

  it("names the holding by its real name from the provider", () => {
    expect(accountNameOf(holding, "Empresa controladora")).toBe("Grupo Norte");
    expect(isOwnAccount(holding)).toBe(true);
  });

  it("names the holding by its kind in the user's language when its name is unknown", () => {
    // The provider could not say (an empty name), or only a grant's id is at hand.
    expect(accountNameOf({ ...holding, name: "" }, "Empresa controladora")).toBe(
      "Empresa controladora",
    );
    expect(
      accountNameOf(
        { provider: "conekta", id: "default", name: "default" },
        "Empresa controladora",
      ),
    ).toBe("Empresa controladora");
  });

  it("keeps every other account's own name, for providers without an own account too", () => {
    const child = { provider: "conekta", id: "6595f5005eed000000000004", name: "Panadería" };
    expect(accountNameOf(child, "x")).toBe("Panadería");
    expect(isOwnAccount(child)).toBe(false);
    const razorpay = { provider: "razorpay", id: "default", name: "Tienda" };
    expect(accountNameOf(razorpay, "x")).toBe("Tienda");
    expect(isOwnAccount(razorpay)).toBe(false);
  });
});
