import type { IncomingHttpHeaders } from "node:http";
import type { ErrorText } from "@/lib/http/errors";
import { allowOf, matchApiRoute } from "@/lib/http/api-routes";
import { MAX_BODY_BYTES } from "@/lib/http/body-limit";
import type { ErrorCode } from "@/lib/webhooks/model";

/**
 * What the console's server refuses before Next sees a request. Next cannot answer these itself:
 * undici's Request refuses TRACE (a 500 and a stack trace before any route runs), a route that
 * does not export a method gets an empty 405, an unknown `/api` path Next's HTML 404, a bad `%`
 * a plain-text 500, and the trailing-slash redirect copies any query, however long, into two
 * headers. The decision is a pure function of the request line and headers, so that it is tested
 * as a table; lib/server/reply.ts writes it.
 */

export const ALLOWED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
/** Longest query string (after `?`) and path the console takes. */
export const MAX_QUERY_LENGTH = 2048;
export const MAX_PATH_LENGTH = 2048;
/** The API's rule for a search (lib/http/query.ts), applied before any redirect of a page. */
export const MAX_Q_LENGTH = 200;

export interface GateRequest {
  method: string;
  /** The request target as sent (`/api/me?x=1`). */
  url: string;
  headers: IncomingHttpHeaders;
}

export interface GateOptions {
  /** PUBLIC_URL: when set, the only Host the console answers to. */
  publicUrl: string | null;
}

/** A reply the gate makes itself; `api` replies are the error envelope (or a bare 204). */
export interface GateReply {
  status: number;
  api: boolean;
  /** Absent on the 204 that answers OPTIONS. */
  error?: { code: ErrorCode; text: ErrorText };
  allow?: string;
}

const refuse = (
  api: boolean,
  code: ErrorCode,
  status: number,
  text: ErrorText,
  allow?: string,
): GateReply => ({ status, api, error: { code, text }, ...(allow ? { allow } : {}) });

/** Decodes one path segment or query part; null when its percent-encoding is malformed. */
function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/** The path and query of a target; an absolute-form one (`http://host/path`) is cut to them. */
function originForm(url: string): string {
  if (url.startsWith("/")) return url;
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  } catch {
    return "/";
  }
}

/** The host of an origin or Host header, with the scheme's default port dropped, lower-cased. */
function normalHost(host: string, protocol: string): string | null {
  try {
    return new URL(`${protocol}//${host}`).host;
  } catch {
    return null;
  }
}

/** The gate's reply to a request, or null to hand it to Next. */
export function decide(req: GateRequest, { publicUrl }: GateOptions): GateReply | null {
  const target = originForm(req.url);
  const mark = target.indexOf("?");
  const rawPath = mark === -1 ? target : target.slice(0, mark);
  const rawQuery = mark === -1 ? "" : target.slice(mark + 1).split("#")[0]!;
  const api = rawPath === "/api" || rawPath.startsWith("/api/");
  const methodAllowed = ALLOWED_METHODS.includes(req.method);

  if (!methodAllowed && !api)
    return refuse(
      api,
      "method_not_allowed",
      405,
      methodText(ALLOWED_METHODS.join(", ")),
      ALLOWED_METHODS.join(", "),
    );

  if (publicUrl) {
    const expected = new URL(publicUrl);
    const given = typeof req.headers.host === "string" ? req.headers.host : "";
    if (normalHost(given, expected.protocol) !== expected.host)
      return refuse(api, "bad_request", 400, {
        key: "hostRefused",
        values: { host: expected.host },
      });
  }

  if (rawQuery.length > MAX_QUERY_LENGTH || rawPath.length > MAX_PATH_LENGTH)
    return refuse(api, "uri_too_long", 414, {
      key: "uriTooLong",
      values: { max: MAX_QUERY_LENGTH },
    });

  const segments = rawPath.split("/").slice(1).map(decode);
  const params =
    rawQuery === ""
      ? []
      : rawQuery.split("&").map((pair) => {
          const [name = "", ...value] = pair.replaceAll("+", " ").split("=");
          return { name: decode(name), value: decode(value.join("=")) };
        });
  if (segments.includes(null) || params.some((p) => p.name === null || p.value === null))
    return refuse(api, "bad_request", 400, { key: "urlMalformed" });
  // Next resolves `..` and `\` before it routes, so `/api/users/../x` would reach another path than
  // the one judged here; no browser sends them.
  if (rawPath.includes("\\") || segments.some((s) => s === "." || s === ".."))
    return refuse(api, "bad_request", 400, { key: "pathDotSegments" });
  const q = params.find((p) => p.name === "q");
  if (q?.value && q.value.length > MAX_Q_LENGTH)
    return refuse(api, "bad_request", 400, {
      key: "queryTooLong",
      values: { name: "q", max: MAX_Q_LENGTH },
    });

  return api ? decideApi(req, segments as string[]) : null;
}

function decideApi(req: GateRequest, segments: string[]): GateReply | null {
  // Next redirects a trailing slash away; the route is the one without it.
  const route = matchApiRoute(segments.at(-1) === "" ? segments.slice(0, -1) : segments);
  if (!route && ALLOWED_METHODS.includes(req.method))
    return refuse(true, "not_found", 404, { key: "noSuchRoute" });
  const allow = route ? allowOf(route) : ALLOWED_METHODS.join(", ");
  if (!allow.split(", ").includes(req.method))
    return refuse(true, "method_not_allowed", 405, methodText(allow), allow);
  if (req.method === "OPTIONS") return { status: 204, api: true, allow };
  const length = Number(req.headers["content-length"] ?? "0");
  // No API read or delete takes a body; undici would refuse one on GET with a plain-text 400.
  if (BODILESS.includes(req.method) && (length > 0 || req.headers["transfer-encoding"]))
    return refuse(true, "bad_request", 400, {
      key: "bodyNotAllowed",
      values: { method: req.method },
    });
  if (length > MAX_BODY_BYTES)
    return refuse(true, "payload_too_large", 413, {
      key: "payloadTooLarge",
      values: { limit: MAX_BODY_BYTES },
    });
  return null;
}

const BODILESS = ["GET", "HEAD", "DELETE"];

/**
 * The reply to a request Node's parser refused before any handler ran. Headers over the limit are
 * a 431 whatever the request line says (Node hands over only the packet it stopped in, which may
 * not start with it); anything else that is not HTTP is judged by its request line when that says
 * why (an unknown method is a 405, a long target a 414), else a 400.
 */
export function decideUnparsed(
  req: GateRequest,
  reason: "headers_too_large" | "malformed",
  options: GateOptions,
): GateReply {
  // Without a request line (parseRawRequest) the packet may be any request's: answer in the envelope.
  const path = originForm(req.url).split("?")[0]!;
  const api = req.url === "" || path === "/api" || path.startsWith("/api/");
  if (reason === "headers_too_large")
    return refuse(api, "headers_too_large", 431, { key: "headersTooLarge" });
  const judged = req.url === "" ? null : decide(req, options);
  if (judged && judged.status !== 204) return judged;
  return refuse(api, "bad_request", 400, { key: "requestMalformed" });
}

const methodText = (allow: string): ErrorText => ({ key: "methodNotAllowed", values: { allow } });
