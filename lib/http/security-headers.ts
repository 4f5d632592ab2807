/**
 * The security headers on every page and API reply, set by `proxy.ts`.
 *
 * Scripts run only from the console's own origin and only when they carry the request's nonce (or
 * were loaded by one that did: 'strict-dynamic'). Next reads the nonce back from the request's
 * Content-Security-Policy header and puts it on its own scripts, so the nonce travels on the request
 * to the render as well as on the reply. Styles may be inline: Tailwind, Radix and Sonner set them,
 * and a style cannot run code. No nonce goes in style-src, since a nonce there would make browsers
 * ignore 'unsafe-inline'.
 */

export interface SecurityHeaderOptions {
  /** Fresh for every request (`createNonce`). */
  nonce: string;
  /** The browser reached the console over https, directly or through a TLS-terminating proxy. */
  https: boolean;
  /** `next dev`: React rebuilds server error stacks in the browser with eval. */
  dev: boolean;
}

/** The Content-Security-Policy value, one directive after another. */
export function contentSecurityPolicy({ nonce, https, dev }: SecurityHeaderOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    [
      "script-src",
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...(dev ? ["'unsafe-eval'"] : []),
    ],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    // Over plain http (a console on 127.0.0.1 or a LAN address) there is nothing to upgrade to.
    ...(https ? [["upgrade-insecure-requests"] as [string]] : []),
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/** Every security header for one reply. HSTS only over https: over http browsers ignore it. */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
  };
  if (options.https) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

/**
 * The security headers of an API reply, set by the route wrapper (lib/http/route.ts) rather than
 * `proxy.ts`: JSON runs no script and loads nothing, so its policy allows nothing and needs no
 * nonce, and the API skips the proxy's per-request pass (issue 11: it cost as much as the route).
 */
export function apiSecurityHeaders(https: boolean): Readonly<Record<string, string>> {
  return https ? API_HEADERS_HTTPS : API_HEADERS_HTTP;
}

const API_HEADERS_HTTP: Readonly<Record<string, string>> = Object.freeze({
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
});
const API_HEADERS_HTTPS: Readonly<Record<string, string>> = Object.freeze({
  ...API_HEADERS_HTTP,
  "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
});

/** 128 random bits, base64: unguessable, and in the alphabet Next accepts for a nonce. */
export function createNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/** Whether the browser used https: the first hop of `X-Forwarded-Proto`, or the URL's scheme. */
export function isHttpsRequest(request: Pick<Request, "url" | "headers">): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return forwarded === "https" || new URL(request.url).protocol === "https:";
}

export interface RequestSecurity {
  nonce: string;
  /** The request's headers plus `x-nonce` and the CSP, to hand on with `NextResponse.next`. */
  requestHeaders: Headers;
  /** The headers for the reply, whatever the reply turns out to be. */
  responseHeaders: Record<string, string>;
}

/** Draws the nonce for one request and the headers that go with it, in both directions. */
export function prepareSecurityHeaders(
  request: Pick<Request, "url" | "headers">,
  { dev }: { dev: boolean },
): RequestSecurity {
  const nonce = createNonce();
  const responseHeaders = securityHeaders({ nonce, https: isHttpsRequest(request), dev });
  const requestHeaders = new Headers(request.headers);
  // Whatever the client sent under these names is replaced, never trusted.
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", responseHeaders["Content-Security-Policy"]!);
  return { nonce, requestHeaders, responseHeaders };
}

/** Puts the security headers on a reply: `NextResponse.next()`, a redirect or a JSON error alike. */
export function withSecurityHeaders<R extends Response>(response: R, security: RequestSecurity): R {
  for (const [name, value] of Object.entries(security.responseHeaders)) {
    response.headers.set(name, value);
  }
  return response;
}
