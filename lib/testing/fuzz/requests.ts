// Test support (not shipped code): the requests the API fuzz test (lib/cli/fuzz.ts) sends, as
// fast-check arbitraries. They mix what a careless script and an attacker would send: real ids
// and routes next to malformed ones, odd methods, repeated and oversized parameters, forged
// cursors, bodies of the wrong type or size, and foreign origins.
import fc from "fast-check";

export interface FuzzRequest {
  method: string;
  /** The raw request target, sent as it is (it may hold malformed percent-encoding). */
  target: string;
  headers: Record<string, string>;
  body?: string;
}

/** What the runner learned from the console before the run: real ids to mix in. */
export interface Known {
  /** Per provider, the accounts and some of their webhooks. */
  accounts: { provider: string; account: string; webhooks: string[] }[];
  users: string[];
  origin: string;
  cookies: Record<string, string>;
  events: string[];
}

const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE", "HEAD", "OPTIONS"];
const ODD_METHODS = ["TRACE", "TRACK", "CONNECT", "PROPFIND", "MKCOL", "FOO", "get", "X-CUSTOM"];

const PARAM_NAMES = ["q", "limit", "cursor", "from", "to", "action", "actor", "outcome", "page"];

/** Cursors a script could forge: old-style base64url JSON, truncated and tampered ones. */
const FORGED_CURSORS = [
  "eyJuZXh0IjoiIn0", // {"next":""}
  "eyJvIjotMX0", // {"o":-1}
  "eyJvIjoxZTEwMH0", // {"o":1e100}
  "bm90IGpzb24",
  "",
  "....",
  "a".repeat(2100),
];

const printable = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 40,
});

/** A path segment: a real id most often, else something an id check must refuse. */
function segment(real: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: real.length > 0 ? fc.constantFrom(...real) : fc.constant("x") },
    { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,70}$/) },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((s) => encodeURIComponent(s)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "%ZZ",
        "%",
        "%E0%A4%A",
        "%00",
        "..",
        ".",
        "%2e%2e",
        "a".repeat(300),
      ),
    },
  );
}

function apiPath(known: Known): fc.Arbitrary<string> {
  const providers = [...new Set(known.accounts.map((a) => a.provider)), "stripe", "Conekta"];
  const provider = segment(providers);
  const scope = fc.constantFrom(...known.accounts).chain((a) =>
    fc.record({
      provider: fc.oneof({ weight: 5, arbitrary: fc.constant(a.provider) }, provider),
      account: fc.oneof({ weight: 5, arbitrary: fc.constant(a.account) }, segment([])),
      id: segment(a.webhooks),
    }),
  );
  return fc.oneof(
    scope.map(({ provider: p, account }) => `/api/${p}/${account}/webhooks`),
    scope.map(({ provider: p, account, id }) => `/api/${p}/${account}/webhooks/${id}`),
    scope.map(({ provider: p, account, id }) => `/api/${p}/${account}/webhooks/${id}/ping`),
    scope.map(({ provider: p, account, id }) => `/api/${p}/${account}/webhooks/${id}/pings`),
    provider.map((p) => `/api/${p}/accounts`),
    provider.map((p) => `/api/${p}/events`),
    fc.constantFrom("/api/me", "/api/audit", "/api/audit.csv", "/api/users"),
    segment(known.users).map((id) => `/api/users/${id}`),
    segment(known.users).map((id) => `/api/users/${id}/accounts`),
    segment(known.users).map((id) => `/api/users/${id}/password-reset`),
    fc.constantFrom("/api/auth/sign-in", "/api/auth/sign-out", "/api/auth/password"),
    // No such routes.
    fc.constantFrom("/api", "/api/", "/api/conekta", "/api/conekta/default", "/api/nope/x/y/z"),
    scope.map(({ provider: p, account, id }) => `/api/${p}/${account}/webhooks/${id}/ping/x`),
  );
}

const query = fc
  .array(
    fc.tuple(
      fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...PARAM_NAMES) }, printable),
      fc.oneof(
        fc.integer({ min: -5, max: 300 }).map(String),
        fc.constantFrom("abc", "1e3", "0x10", "", "NaN", "20.5", "9".repeat(40)),
        fc.constantFrom(...FORGED_CURSORS),
        printable,
        fc.integer({ min: 150, max: 12_000 }).map((n) => "q".repeat(n)),
      ),
    ),
    { maxLength: 4 },
  )
  .map((pairs) =>
    pairs.length === 0
      ? ""
      : `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&")}`,
  );

function webhookBody(known: Known): fc.Arbitrary<unknown> {
  const url = fc.oneof(
    fc.constantFrom(
      "https://example.com/hooks/a",
      "http://127.0.0.1:1/receivers/ok/x",
      "https://10.0.0.1/x",
      "https://user:pass@example.com/x",
      "javascript:alert(1)",
      "ftp://example.com/",
      "",
    ),
    fc.webUrl(),
    printable,
  );
  const events = fc.array(
    fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known.events) }, printable),
    { maxLength: 6 },
  );
  return fc.record(
    {
      url,
      events,
      secret: printable,
      enabled: fc.oneof(fc.boolean(), printable),
      alertEmail: printable,
    },
    { requiredKeys: [] },
  );
}

function body(known: Known): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 5, arbitrary: webhookBody(known).map((b) => JSON.stringify(b)) },
    {
      weight: 1,
      arbitrary: fc.record({ email: printable, password: printable }).map((b) => JSON.stringify(b)),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "{",
        "[1,",
        '{"url":',
        "null",
        '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}',
        "x".repeat(70_000),
      ),
    },
  );
}

function headers(known: Known): fc.Arbitrary<Record<string, string>> {
  const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  return fc
    .record({
      cookie: optional(
        fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(...Object.values(known.cookies)) },
          fc.constantFrom("wc.session_token=forged", "a=b; c"),
        ),
      ),
      origin: optional(
        fc.oneof(
          { weight: 5, arbitrary: fc.constant(known.origin) },
          fc.constantFrom(
            "https://evil.example",
            "null",
            known.origin.replace("127.0.0.1", "localhost"),
          ),
        ),
      ),
      "content-type": optional(
        fc.constantFrom(
          "application/json",
          "application/json; charset=utf-8",
          "text/plain",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
        ),
      ),
      "x-request-id": optional(printable),
      "idempotency-key": optional(fc.oneof(fc.uuid(), printable)),
      "accept-language": optional(fc.constantFrom("es", "en-US", "fr", "*", "es-MX;q=0.1")),
      "x-forwarded-for": optional(fc.constantFrom("1.2.3.4", "garbage, 127.0.0.1")),
    })
    .map(
      (h) =>
        Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Record<
          string,
          string
        >,
    );
}

/** One request: mostly well-formed API calls with one or two things wrong. */
export function fuzzRequest(known: Known): fc.Arbitrary<FuzzRequest> {
  return fc.record({
    method: fc.oneof(
      { weight: 9, arbitrary: fc.constantFrom(...METHODS) },
      fc.constantFrom(...ODD_METHODS),
    ),
    target: fc.oneof(
      { weight: 9, arbitrary: fc.tuple(apiPath(known), query).map(([p, q]) => p + q) },
      // Pages, with a trailing slash that Next would redirect, and an oversized search.
      fc
        .tuple(fc.constantFrom("/conekta/default/webhooks/", "/sign-in", "/audit/"), query)
        .map(([p, q]) => p + q),
    ),
    headers: headers(known),
    body: body(known),
  });
}
