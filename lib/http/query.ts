import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { AppError } from "./errors";

/**
 * Parses query parameters; a bad value is a 400 that names the parameter and its problem, as a
 * message key so that the reply is in the user's language (the schemas' own texts are English).
 */
export function parseQuery<S extends z.ZodType>(req: NextRequest, schema: S): z.output<S> {
  const result = schema.safeParse(Object.fromEntries(req.nextUrl.searchParams));
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
