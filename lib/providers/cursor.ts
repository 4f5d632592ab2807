import { z } from "zod";
import { AppError } from "@/lib/http/errors";

/**
 * Cursors are opaque to the browser: base64url JSON that only the adapter that wrote it reads.
 * A cursor that does not parse is a 400, never a crash.
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
