import { describe, expect, it } from "vitest";
import { accountNameOf } from "./account-name";

describe("accountNameOf", () => {
  it("names the provider's own account in the user's language by its kind, not by English words", () => {
    const holding = {
      provider: "conekta",
      id: "default",
      name: "Holding company",
      kind: "holding",
    } as const;
    expect(accountNameOf(holding, "Empresa matriz")).toBe("Empresa matriz");
    // A kind from the provider is enough, whatever the id.
    expect(accountNameOf({ ...holding, id: "hq" }, "Empresa matriz")).toBe("Empresa matriz");
  });

  it("names the descriptor's own account id in the user's language when only the id is known (a grant)", () => {
    expect(
      accountNameOf({ provider: "conekta", id: "default", name: "default" }, "Empresa matriz"),
    ).toBe("Empresa matriz");
  });

  it("keeps every other account's own name, for providers without an own account too", () => {
    expect(
      accountNameOf(
        { provider: "conekta", id: "6595f5005eed000000000004", name: "Panadería" },
        "x",
      ),
    ).toBe("Panadería");
    expect(accountNameOf({ provider: "razorpay", id: "default", name: "Tienda" }, "x")).toBe(
      "Tienda",
    );
  });
});
