import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { getServerKey } from "@/lib/auth/server-key";
import { AppError } from "@/lib/http/errors";
import type { PageInfo, ProviderId } from "./model";

/**
 * The console seals every cursor it hands out: `<adapter's cursor>.<HMAC-SHA256>`, keyed by a
 * server key of its own purpose (lib/auth/server-key.ts). The MAC covers what the cursor pages, so
 * a cursor opens only the list it came from: the same provider, list, account and search. The
 * service opens an incoming cursor before it asks the provider anything, so a forged, tampered or
 * foreign one is a 400 that never reaches the provider; the adapter still checks what is inside.
 * The binding is not stored in the cursor (the request names it), so the cursor stays short, and
 * it names no user, so that a link to a page opens the same page for a colleague.
 */

const PURPOSE = "webhook-console cursor v1";

/** What a cursor pages. */
export interface CursorBinding {
  provider: ProviderId;
  list: "webhooks" | "accounts";
  /** The account whose webhooks are paged; none for the accounts list. */
  account?: string;
  q?: string;
  /** The webhooks list's date range (Razorpay), unix seconds. */
  from?: number;
  to?: number;
}

async function macOf(cursor: string, binding: CursorBinding): Promise<string> {
  const { provider, list, account, q, from, to } = binding;
  // A JSON array is unambiguous: no two bindings (or cursors) give the same bytes. The search is
  // bound as the adapters read it, trimmed.
  const message = JSON.stringify([
    provider,
    list,
    account ?? null,
    q?.trim() ?? "",
    from ?? null,
    to ?? null,
    cursor,
  ]);
  return createHmac("sha256", await getServerKey(PURPOSE))
    .update(message, "utf8")
    .digest("base64url");
}

export async function sealCursor(cursor: string, binding: CursorBinding): Promise<string> {
  return `${cursor}.${await macOf(cursor, binding)}`;
}

/** The adapter's cursor inside a sealed one; a 400 `cursorInvalid` unless the seal holds for `binding`. */
export async function openCursor(sealed: string, binding: CursorBinding): Promise<string> {
  // The MAC is base64url, which has no dot: the last dot ends the adapter's cursor.
  const dot = sealed.lastIndexOf(".");
  const cursor = sealed.slice(0, Math.max(dot, 0));
  const mac = Buffer.from(sealed.slice(dot + 1));
  const expected = Buffer.from(await macOf(cursor, binding));
  const holds = dot > 0 && mac.length === expected.length && timingSafeEqual(mac, expected);
  if (!holds) throw AppError.of("bad_request", "cursorInvalid");
  return cursor;
}

/** A page's cursors, sealed for the list they page. */
export async function sealPageInfo(page: PageInfo, binding: CursorBinding): Promise<PageInfo> {
  const seal = (cursor: string | null) => (cursor === null ? null : sealCursor(cursor, binding));
  const [next, previous] = await Promise.all([seal(page.next), seal(page.previous)]);
  return { ...page, next, previous };
}
