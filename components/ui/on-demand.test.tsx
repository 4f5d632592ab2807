// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import { IntlProvider } from "use-intl";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { messages } from "@/lib/i18n/messages";
import { ConfirmDialog } from "./alert-dialog";
import { Button } from "./button";
import { DropdownMenu, DropdownMenuItem } from "./dropdown-menu";
import { toast } from "./toast";
import { Toaster } from "./toaster";

// Each test here is the first use of its module in this file: the click or the toast comes before
// the code it needs was loaded, which is the case the on-demand parts must not lose.

beforeAll(() => {
  // Radix and Sonner measure what they show; jsdom has no layout.
  vi.stubGlobal(
    "ResizeObserver",
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
  vi.stubGlobal("matchMedia", (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    addListener: () => undefined,
    removeListener: () => undefined,
    dispatchEvent: () => false,
  }));
});
afterEach(cleanup);

describe("a menu whose code loads on demand", () => {
  it("renders its button at once, named, and opens on a key pressed before its code arrived", async () => {
    const onSelect = vi.fn();
    render(
      <DropdownMenu trigger={<Button aria-label="More actions">…</Button>}>
        <DropdownMenuItem onSelect={onSelect}>Copy ID</DropdownMenuItem>
      </DropdownMenu>,
    );
    const button = screen.getByRole("button", { name: "More actions" });
    expect(button.getAttribute("aria-haspopup")).toBe("menu");
    expect(screen.queryByRole("menuitem")).toBeNull();
    // Focus only loads the code: the button a keyboard user is on stays where it is.
    button.focus();
    expect(screen.getByRole("button", { name: "More actions" })).toBe(button);
    fireEvent.keyDown(button, { key: "Enter" });
    const item = await screen.findByRole("menuitem", { name: "Copy ID" });
    // Opened from the keyboard, as Radix does it: the first item has focus.
    await waitFor(() => expect(document.activeElement).toBe(item));
    fireEvent.click(item);
    expect(onSelect).toHaveBeenCalledOnce();
  });
});

describe("a confirmation dialog whose code loads on demand", () => {
  function Delete() {
    const [open, setOpen] = useState(false);
    return (
      <>
        <Button onClick={() => setOpen(true)}>Delete</Button>
        <ConfirmDialog
          open={open}
          onOpenChange={setOpen}
          title="Delete webhook?"
          description="It stops receiving events."
          confirmLabel="Delete"
          cancelLabel="Cancel"
          onConfirm={() => setOpen(false)}
        />
      </>
    );
  }

  it("opens on a click that came before its code", async () => {
    render(<Delete />);
    expect(screen.queryByRole("alertdialog")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Delete" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Delete webhook?" });
    expect(dialog.textContent).toContain("It stops receiving events.");
  });
});

describe("toasts whose toaster loads on demand", () => {
  it("shows a toast made before the toaster was loaded", async () => {
    render(
      <IntlProvider locale="en" messages={messages.en}>
        <Toaster />
      </IntlProvider>,
    );
    expect(document.querySelector("[data-sonner-toaster]")).toBeNull();
    act(() => toast.success("Ping delivered (HTTP 200)"));
    expect(await screen.findByText("Ping delivered (HTTP 200)")).toBeTruthy();
  });
});
