import "server-only";
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
import { can, type Permission } from "@/lib/auth/permissions";
import { getSessionUser, mayOpenAccount, type Actor, type SessionUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { LANGUAGE_COOKIE, pickLanguage, type Language } from "./language";
import { MAX_BODY_BYTES } from "./body-limit";
import { requestIdFrom } from "./request-id";
import { logError } from "./log";
import { apiSecurityHeaders } from "./security-headers";

export { parseQuery } from "./query";

export interface RouteContext<P> {
  req: NextRequest;
  params: P;
  requestId: string;
  language: Language;
  /** Who is calling and from where, for the audit log. */
  actor: Actor;
}

export interface SignedInContext<P> extends RouteContext<P> {
  user: SessionUser;
}

/**
 * Who may call a route, declared once per route: `public` (sign-in), `session` (any signed-in
 * user), or a permission of lib/auth/permissions.ts. A route whose params name a provider and an
 * account also needs that account to be open to the user.
 */
export type Access = { access: "public" } | { access: "session" } | { permission: Permission };

type Reply = Promise<Response | object | null>;
type Handler<P> = (ctx: SignedInContext<P>) => Reply;
type PublicHandler<P> = (ctx: RouteContext<P>) => Reply;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Wraps a route handler so that it only writes the happy path. Before the handler runs, in this
 * order: a change must come from the console's own origin with a JSON body (403/415), the caller
 * needs a session (401) whose role may do what the route declares (403), the params must parse
 * (404), and the account in them must be open to the user (403). Nothing reaches a provider
 * before all of that holds. Every thrown error becomes the console's envelope, and each reply
 * carries a request id that also tags the server log, and the API's security headers (proxy.ts
 * leaves the API to this wrapper).
 */
export function route<S extends z.ZodType>(
  paramsSchema: S,
  access: { access: "public" },
  handler: PublicHandler<z.output<S>>,
): (req: NextRequest, context: { params: Promise<unknown> }) => Promise<Response>;
export function route<S extends z.ZodType>(
  paramsSchema: S,
  access: { access: "session" } | { permission: Permission },
  handler: Handler<z.output<S>>,
): (req: NextRequest, context: { params: Promise<unknown> }) => Promise<Response>;
export function route<S extends z.ZodType>(
  paramsSchema: S,
  access: Access,
  handler: Handler<z.output<S>>,
) {
  return async (req: NextRequest, context: { params: Promise<unknown> }): Promise<Response> => {
    const requestId = requestIdOf(req);
    const language = pickLanguage(
      req.cookies.get(LANGUAGE_COOKIE)?.value,
      req.headers.get("accept-language"),
    );
    let response: Response;
    try {
      if (!SAFE_METHODS.has(req.method)) assertSameOriginJson(req);
      const user = "access" in access && access.access === "public" ? null : await requireUser(req);
      if (user && "permission" in access && !can(user.role, access.permission))
        throw AppError.of("forbidden", "actionForbidden", { role: user.role });
      const parsed = paramsSchema.safeParse(await context.params);
      if (!parsed.success) throw AppError.of("not_found", "noSuchRoute");
      if (user) assertAccountOpen(user, parsed.data);
      const result = await handler({
        req,
        params: parsed.data,
        requestId,
        language,
        actor: { user, requestId, ...clientInfo(req) },
        user: user as SessionUser,
      });
      // A plain Response: NextResponse.json builds one and then wraps it in a second.
      if (result instanceof Response) response = result;
      else if (result === null) response = new Response(null, { status: 204 });
      else response = Response.json(result);
    } catch (error) {
      response = errorReply(error, requestId, language);
    }
    response.headers.set("x-request-id", requestId);
    for (const [name, value] of Object.entries(apiSecurityHeaders(isHttps(req))))
      response.headers.set(name, value);
    return response;
  };
}

/** Whether the browser used https: the first hop of `X-Forwarded-Proto`, or the URL's scheme. */
function isHttps(req: NextRequest): boolean {
  const forwarded = req.headers.get("x-forwarded-proto");
  if (forwarded?.split(",")[0]?.trim().toLowerCase() === "https") return true;
  return req.nextUrl.protocol === "https:";
}

/** The envelope for any error, in the user's language; unexpected errors are logged, redacted. */
export function errorReply(error: unknown, requestId: string, language: Language): Response {
  const { status, body, headers, appError } = toErrorResponse(error, requestId);
  if (appError.text) body.error.message = translateError(appError.text, language);
  if (appError.fieldTexts) body.error.fields = translateFieldTexts(appError.fieldTexts, language);
  else if (body.error.fields) body.error.fields = translateFields(body.error.fields, language);
  if (appError.code === "internal" || appError.code === "provider_error")
    logError(requestId, error);
  return NextResponse.json(body, { status, headers });
}

function requestIdOf(req: NextRequest): string {
  return requestIdFrom(req.headers.get("x-request-id"));
}

async function requireUser(req: NextRequest): Promise<SessionUser> {
  const user = await getSessionUser(req.headers);
  if (!user) throw AppError.of("unauthorized", "signInRequired");
  return user;
}

function assertAccountOpen(user: SessionUser, params: unknown) {
  const { provider, account } = (params ?? {}) as { provider?: unknown; account?: unknown };
  if (typeof provider !== "string" || typeof account !== "string") return;
  if (!mayOpenAccount(user, provider, account)) throw AppError.of("forbidden", "accountNotGranted");
}

/**
 * A change must come from a page of this console: its Origin (or, without one, Sec-Fetch-Site)
 * says so, and a body is JSON, which a cross-site form cannot send without a preflight.
 */
function assertSameOriginJson(req: NextRequest) {
  const origin = req.headers.get("origin");
  const sameOrigin = origin
    ? origin === consoleOrigin(req)
    : req.headers.get("sec-fetch-site") === "same-origin";
  if (!sameOrigin) throw AppError.of("forbidden", "crossSiteRefused");
  // Any declared type must be JSON, whatever the length says: an HTTP/2 or chunked body has no
  // Content-Length, and a form or a text/plain fetch always declares its type.
  const declaresBody =
    (req.headers.get("content-length") ?? "0") !== "0" || req.headers.has("transfer-encoding");
  const type = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if ((declaresBody || type !== undefined) && type !== "application/json")
    throw AppError.of("unsupported_media_type", "jsonRequired");
}

/**
 * The console's own origin: PUBLIC_URL behind a proxy (the server's gate then refuses any other
 * Host, so the two agree), else the address the request came to.
 */
function consoleOrigin(req: NextRequest): string {
  const configured = getEnv().publicUrl;
  if (configured) return new URL(configured).origin;
  const host = req.headers.get("host");
  return host ? `${req.nextUrl.protocol}//${host}` : req.nextUrl.origin;
}

/**
 * The caller's address as the proxy in front saw it: the last X-Forwarded-For entry, the one the
 * proxy appended. The entries before it are whatever the client sent, so taking the first would let
 * anyone pick the address the audit log records and the per-address sign-in limit counts.
 */
function clientInfo(req: NextRequest): Pick<Actor, "ip" | "userAgent"> {
  return {
    ip: req.headers.get("x-forwarded-for")?.split(",").at(-1)?.trim().slice(0, 64) || null,
    userAgent: req.headers.get("user-agent")?.slice(0, 300) || null,
  };
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

/**
 * Parses a JSON body: over MAX_BODY_BYTES is a 413, not JSON a 400, fields that break the schema a
 * 422 naming each field. The server's gate refuses a declared Content-Length over the limit; a
 * chunked body has none, so the bytes are counted as they arrive and reading stops at the limit.
 */
export async function parseBody<S extends z.ZodType>(
  req: NextRequest,
  schema: S,
): Promise<z.output<S>> {
  let raw: unknown;
  const text = await readBodyText(req);
  try {
    raw = JSON.parse(text);
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

async function readBodyText(req: NextRequest): Promise<string> {
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw AppError.of("payload_too_large", "payloadTooLarge", { limit: MAX_BODY_BYTES });
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
