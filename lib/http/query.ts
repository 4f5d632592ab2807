import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { AppError } from "./errors";

/**
 * Parses query parameters; a bad value is a 400 that names the parameter and its problem, as a
 * message key so that the reply is in the user's language (the schemas' own texts are English).
 * A parameter the schema knows may appear once: `?limit=1&limit=2` is refused, not read as the
 * last value, so that what the console checked is what it acts on. Unknown parameters are ignored.
 */
export function parseQuery<S extends z.ZodObject>(req: NextRequest, schema: S): z.output<S> {
  const params = req.nextUrl.searchParams;
  const repeated = Object.keys(schema.shape).find((name) => params.getAll(name).length > 1);
  if (repeated !== undefined) throw AppError.of("bad_request", "queryRepeated", { name: repeated });
  const result = schema.safeParse(Object.fromEntries(params));
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = String(issue?.path[0] ?? "");
  if (issue?.code === "too_small" && issue.origin === "number")
    throw AppError.of("bad_request", "queryTooSmall", { name, min: Number(issue.minimum) });
  if (issue?.code === "too_big" && issue.origin === "number")
    throw AppError.of("bad_request", "queryTooLarge", { name, max: Number(issue.maximum) });
  if (issue?.code === "too_big" && issue.origin === "string")
    throw AppError.of("bad_request", "queryTooLong", { name, max: Number(issue.maximum) });
  throw AppError.of("bad_request", "queryInvalid", { name });
}
