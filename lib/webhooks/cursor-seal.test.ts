import { describe, expect, it, vi } from "vitest";
import { withTestDatabase } from "@/lib/db/testing";
import { AppError } from "@/lib/http/errors";
import { encodeCursor } from "@/lib/providers/cursor";
import { openCursor, sealCursor, sealPageInfo, type CursorBinding } from "./cursor-seal";

vi.mock("@/lib/env", () => ({ getEnv: () => ({ sessionSecret: null }) }));
withTestDatabase("pglite");

const binding: CursorBinding = {
  provider: "conekta",
  list: "webhooks",
  account: "6595f5005eed000000000004",
  q: "orders",
};
// As long as the adapters' cursors get: a Conekta id, or a Razorpay offset.
const inner = encodeCursor({ previous: "6307a60c41de27127515a575" });

async function refusal(sealed: string, as: CursorBinding = binding) {
  const error = await openCursor(sealed, as).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return { status: (error as AppError).status, key: (error as AppError).text?.key };
}

describe("sealed cursors", () => {
  it("open to the adapter's cursor for the list they were sealed for, and stay short", async () => {
    const sealed = await sealCursor(inner, binding);
    expect(sealed).toMatch(/^[A-Za-z0-9_.-]+$/);
    expect(sealed.length).toBeLessThan(120);
    expect(await openCursor(sealed, binding)).toBe(inner);
    // The search is bound as the adapters read it, trimmed.
    expect(await openCursor(sealed, { ...binding, q: "  orders " })).toBe(inner);
  });

  it.each<[string, (sealed: string) => string]>([
    ["the adapter's cursor alone (unsigned, as before)", () => inner],
    ["a forged {next:''}", () => `${encodeCursor({ next: "" })}.${"A".repeat(43)}`],
    ["a changed cursor under the same MAC", (s) => encodeCursor({ next: "x" }) + s.slice(-44)],
    ["a changed MAC", (s) => s.slice(0, -1) + (s.endsWith("A") ? "B" : "A")],
    ["a truncated MAC", (s) => s.slice(0, -2)],
    ["a MAC alone", (s) => s.slice(s.lastIndexOf("."))],
    ["an empty cursor part", (s) => `.${s.split(".").at(-1) ?? ""}`],
    ["a cursor with a dot appended", (s) => `${s}.`],
  ])("refuse %s with a 400 cursorInvalid", async (_, tamper) => {
    const sealed = await sealCursor(inner, binding);
    expect(await refusal(tamper(sealed))).toEqual({ status: 400, key: "cursorInvalid" });
  });

  it.each<[string, Partial<CursorBinding>]>([
    ["another provider", { provider: "razorpay" }],
    ["another account", { account: "6594a3805eed000000000003" }],
    ["another list", { list: "accounts", account: undefined }],
    ["another search", { q: "refunds" }],
    ["no search", { q: undefined }],
    ["another date range", { from: 1_700_000_000 }],
  ])("refuse a cursor sealed for %s", async (_, change) => {
    const sealed = await sealCursor(inner, binding);
    expect(await refusal(sealed, { ...binding, ...change })).toEqual({
      status: 400,
      key: "cursorInvalid",
    });
  });

  it("seal both cursors of a page and keep a missing one missing", async () => {
    const page = await sealPageInfo({ next: inner, previous: null, hasMore: true }, binding);
    expect(page.previous).toBeNull();
    expect(page.hasMore).toBe(true);
    expect(await openCursor(page.next ?? "", binding)).toBe(inner);
  });
});
