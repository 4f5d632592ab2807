/**
 * Every route of the console's JSON API and the methods its `route.ts` exports, in one table, so
 * that the server's gate (lib/server/gate.ts) can answer an unknown path (404) or method (405 with
 * `Allow`) in the envelope before Next sees the request. `api-routes.test.ts` walks `app/api` and
 * fails when this table and the files disagree.
 */

export const API_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type ApiMethod = (typeof API_METHODS)[number];

export interface ApiRoute {
  /** The folder under `app/`, `[name]` for a dynamic segment. */
  pattern: string;
  methods: readonly ApiMethod[];
}

export const apiRoutes: readonly ApiRoute[] = [
  { pattern: "/api/[provider]/[account]/webhooks", methods: ["GET", "POST"] },
  { pattern: "/api/[provider]/[account]/webhooks/[id]", methods: ["GET", "PATCH", "DELETE"] },
  { pattern: "/api/[provider]/[account]/webhooks/[id]/ping", methods: ["POST"] },
  { pattern: "/api/[provider]/[account]/webhooks/[id]/pings", methods: ["GET"] },
  { pattern: "/api/[provider]/accounts", methods: ["GET"] },
  { pattern: "/api/[provider]/events", methods: ["GET"] },
  { pattern: "/api/audit", methods: ["GET"] },
  { pattern: "/api/audit.csv", methods: ["GET"] },
  { pattern: "/api/auth/password", methods: ["POST"] },
  { pattern: "/api/auth/sign-in", methods: ["POST"] },
  { pattern: "/api/auth/sign-out", methods: ["POST"] },
  { pattern: "/api/health", methods: ["GET"] },
  { pattern: "/api/me", methods: ["GET"] },
  { pattern: "/api/users", methods: ["GET", "POST"] },
  { pattern: "/api/users/[id]", methods: ["GET", "PATCH"] },
  { pattern: "/api/users/[id]/accounts", methods: ["PUT"] },
  { pattern: "/api/users/[id]/password-reset", methods: ["POST"] },
];

const isDynamic = (segment: string) => segment.startsWith("[") && segment.endsWith("]");

/**
 * Next's order: at the first segment where two patterns differ, a static segment beats a dynamic
 * one (`/api/users/[id]` wins `/api/users/accounts` over `/api/[provider]/accounts`).
 */
function compareSpecificity(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const rank = Number(isDynamic(a[i]!)) - Number(isDynamic(b[i]!));
    if (rank !== 0) return rank;
  }
  return 0;
}

const ordered = apiRoutes
  .map((route) => ({ route, segments: route.pattern.split("/").filter(Boolean) }))
  .sort((a, b) => compareSpecificity(a.segments, b.segments));

/**
 * The route Next would run for a path (its segments already percent-decoded), or null. A trailing
 * slash does not count: Next redirects `/api/me/` to `/api/me`.
 */
export function matchApiRoute(segments: readonly string[]): ApiRoute | null {
  const found = ordered.find(
    (candidate) =>
      candidate.segments.length === segments.length &&
      candidate.segments.every((segment, i) =>
        isDynamic(segment) ? segments[i] !== "" : segment === segments[i],
      ),
  );
  return found?.route ?? null;
}

/** The `Allow` value of a route: what it exports, HEAD with GET, and OPTIONS (Next answers it). */
export function allowOf(route: ApiRoute): string {
  const methods = route.methods.flatMap((m) => (m === "GET" ? ["GET", "HEAD"] : [m]));
  return [...methods, "OPTIONS"].join(", ");
}
