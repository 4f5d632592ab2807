import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { prepareSecurityHeaders, withSecurityHeaders } from "@/lib/http/security-headers";

/**
 * Runs before every page: draws the request's CSP nonce, hands it to the render (Next puts it on
 * its own scripts) and puts the security headers on the reply. A reply made here instead of
 * `NextResponse.next()` (a redirect, a 401) goes through `withSecurityHeaders` too. The API skips
 * it: its route wrapper sets the API's headers itself (lib/http/route.ts), for a fraction of the
 * cost of a proxy pass on every call.
 */
export function proxy(request: NextRequest) {
  const security = prepareSecurityHeaders(request, { dev: !getEnv().production });
  // Where the user was going, so that a page that needs a session can send them back after sign-in.
  security.requestHeaders.set("x-console-path", request.nextUrl.pathname + request.nextUrl.search);
  return withSecurityHeaders(
    NextResponse.next({ request: { headers: security.requestHeaders } }),
    security,
  );
}

export const config = {
  matcher: [
    {
      // Everything but the API, the build's static files, optimized images and the icons.
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)",
      // Link prefetches render nothing a browser runs; the navigation that follows gets the headers.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
