// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { toast } from "@/components/ui/toast";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { makeWrapper } from "@/lib/testing/render";
import { CopyButton } from "./copy-button";

vi.mock("@/components/ui/toast", () => ({ toast: { success: vi.fn(), error: vi.fn() } }));

/** `document.execCommand("copy")` that reports `works`, and records the text selected for it. */
function stubExecCommand(works: boolean) {
  const copied: string[] = [];
  const execCommand = vi.fn((command: string) => {
    const area = document.querySelector("textarea");
    if (command === "copy" && area) copied.push(area.value);
    return works;
  });
  Object.defineProperty(document, "execCommand", { value: execCommand, configurable: true });
  return { execCommand, copied };
}

function setClipboard(clipboard: Partial<Clipboard> | undefined) {
  Object.defineProperty(navigator, "clipboard", { value: clipboard, configurable: true });
}

function clickCopy() {
  render(<CopyButton value="https://example.test/hook" label="Copy URL" />, {
    wrapper: makeWrapper(),
  });
  fireEvent.click(screen.getByRole("button", { name: "Copy URL" }));
}

beforeEach(() => vi.clearAllMocks());
afterEach(() => {
  cleanup();
  setClipboard(undefined);
});

describe("Copy button", () => {
  it("uses the Clipboard API where the page has it", async () => {
    const writeText = vi.fn(() => Promise.resolve());
    setClipboard({ writeText });
    const { execCommand } = stubExecCommand(true);

    clickCopy();

    await waitFor(() => expect(toast.success).toHaveBeenCalledWith("Copied to the clipboard"));
    expect(writeText).toHaveBeenCalledWith("https://example.test/hook");
    expect(execCommand).not.toHaveBeenCalled();
  });

  it("copies through a hidden textarea on plain http, where there is no Clipboard API", async () => {
    setClipboard(undefined);
    const { copied } = stubExecCommand(true);

    clickCopy();

    await waitFor(() => expect(toast.success).toHaveBeenCalledWith("Copied to the clipboard"));
    expect(copied).toEqual(["https://example.test/hook"]);
    expect(document.querySelector("textarea")).toBeNull();
  });

  it("says it could not copy when the fallback fails too", async () => {
    setClipboard(undefined);
    stubExecCommand(false);

    clickCopy();

    await waitFor(() =>
      expect(toast.error).toHaveBeenCalledWith("Could not copy; select the text instead"),
    );
    expect(toast.success).not.toHaveBeenCalled();
  });

  it("falls back when the Clipboard API refuses", async () => {
    setClipboard({ writeText: () => Promise.reject(new Error("NotAllowedError")) });
    const { copied } = stubExecCommand(true);

    clickCopy();

    await waitFor(() => expect(toast.success).toHaveBeenCalled());
    expect(copied).toEqual(["https://example.test/hook"]);
  });
});
