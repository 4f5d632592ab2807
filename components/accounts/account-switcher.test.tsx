// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { makeWrapper, stubApi } from "@/lib/testing/render";
import { AccountSwitcher } from "./account-switcher";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn() }) }));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const holding = { id: "default", name: "Grupo", provider: "conekta", kind: "holding" as const };
const child = { id: "cmp_2", name: "Panadería", provider: "conekta" };

describe("the account switcher before and after its code arrives", () => {
  it("keeps what was typed before the combobox loaded, searches for it and lists the match", async () => {
    const api = stubApi({
      "GET /api/conekta/accounts": () => ({
        body: { data: [child], page: { next: null, previous: null, hasMore: false } },
      }),
    });
    render(<AccountSwitcher provider="conekta" account="default" currentAccount={holding} />, {
      wrapper: makeWrapper(),
    });
    // At first only the placeholder is there, already named "Account".
    const input = screen.getByRole("combobox", { name: "Account" });
    expect(input.getAttribute("placeholder")).toBe("Grupo");
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: "pan" } });

    expect(await screen.findByRole("option", { name: /Panadería/ })).toBeTruthy();
    const combobox = screen.getByRole("combobox", { name: "Account" });
    expect((combobox as HTMLInputElement).value).toBe("pan");
    expect(document.activeElement).toBe(combobox);
    await waitFor(() =>
      expect(api.mock.calls.some(([url]) => typeof url === "string" && url.includes("q=pan"))).toBe(
        true,
      ),
    );
  });
});
