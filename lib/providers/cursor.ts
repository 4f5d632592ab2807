import { z } from "zod";
import { AppError } from "@/lib/http/errors";

/**
 * An adapter's cursor: base64url JSON that only the adapter that wrote it reads. The browser never
 * sees one bare: the service seals it for the list it pages (lib/webhooks/cursor-seal.ts) and
 * opens it again before any provider call, so what arrives here was written by this console. The
 * decode stays a second check: a cursor that does not fit the adapter's schema is a 400, never a
 * crash.
 */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

export function decodeCursor<S extends z.ZodType>(cursor: string, schema: S): z.output<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    raw = undefined;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw AppError.of("bad_request", "cursorInvalid");
  return parsed.data;
}

export const offsetCursorSchema = z.object({ o: z.number().int().min(0) });
