import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { createTranslator } from "use-intl/core";
import { messages } from "@/lib/i18n/messages";
import {
  AppError,
  fieldsOfZodError,
  toErrorResponse,
  translateError,
  translateFieldTexts,
} from "./errors";
import { LANGUAGE_COOKIE, pickLanguage, type Language } from "./language";
import { logError } from "./log";

export interface RouteContext<P> {
  req: NextRequest;
  params: P;
  requestId: string;
  language: Language;
}

type Handler<P> = (ctx: RouteContext<P>) => Promise<Response | object | null>;

/**
 * Wraps a route handler so that it only writes the happy path: params are parsed with zod, every
 * thrown error becomes the console's envelope with the right status, and each reply carries a
 * request id that also tags the server log.
 */
export function route<S extends z.ZodType>(paramsSchema: S, handler: Handler<z.output<S>>) {
  return async (req: NextRequest, context: { params: Promise<unknown> }): Promise<Response> => {
    const requestId = req.headers.get("x-request-id")?.slice(0, 64) || randomUUID();
    const language = pickLanguage(
      req.cookies.get(LANGUAGE_COOKIE)?.value,
      req.headers.get("accept-language"),
    );
    try {
      const parsed = paramsSchema.safeParse(await context.params);
      if (!parsed.success) throw AppError.of("not_found", "noSuchRoute");
      const result = await handler({ req, params: parsed.data, requestId, language });
      if (result instanceof Response) {
        result.headers.set("x-request-id", requestId);
        return result;
      }
      if (result === null)
        return new Response(null, { status: 204, headers: { "x-request-id": requestId } });
      return NextResponse.json(result, { headers: { "x-request-id": requestId } });
    } catch (error) {
      const { status, body, headers, appError } = toErrorResponse(error, requestId);
      if (appError.text) body.error.message = translateError(appError.text, language);
      if (appError.fieldTexts)
        body.error.fields = translateFieldTexts(appError.fieldTexts, language);
      else if (body.error.fields) body.error.fields = translateFields(body.error.fields, language);
      if (appError.code === "internal" || appError.code === "provider_error")
        logError(requestId, error);
      return NextResponse.json(body, { status, headers });
    }
  };
}

/** Parses query parameters; a bad value is a 400 that names the parameter. */
export function parseQuery<S extends z.ZodType>(req: NextRequest, schema: S): z.output<S> {
  const result = schema.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new AppError(
      "bad_request",
      `Query parameter ${String(issue?.path[0] ?? "")}: ${issue?.message ?? "invalid"}`,
    );
  }
  return result.data;
}

/** Field messages written as `validation.*` keys (shared with the form) in the user's language. */
function translateFields(
  fields: Record<string, string[]>,
  language: Language,
): Record<string, string[]> {
  const t = createTranslator({ locale: language, messages: messages[language] });
  const translate = (message: string) =>
    message.startsWith("validation.") && message.slice(11) in messages[language].validation
      ? t(message as Parameters<typeof t>[0])
      : message;
  return Object.fromEntries(
    Object.entries(fields).map(([field, list]) => [field, list.map(translate)]),
  );
}

/** Parses a JSON body: not JSON is a 400; fields that break the schema are a 422 naming each field. */
export async function parseBody<S extends z.ZodType>(
  req: NextRequest,
  schema: S,
): Promise<z.output<S>> {
  let raw: unknown;
  try {
    raw = await req.json();
  } catch {
    throw AppError.of("bad_request", "bodyNotJson");
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw AppError.of("invalid_fields", "fieldsInvalid", undefined, {
      fields: fieldsOfZodError(result.error),
    });
  }
  return result.data;
}
