import { describe, expect, it } from "vitest";
import { errorEnvelopeSchema } from "@/lib/webhooks/model";
import { decide, type GateRequest } from "./gate";
import { parseRawRequest, renderReply } from "./reply";

const HOOKS = "/api/conekta/default/webhooks";
const long = (n: number) => "x".repeat(n);

type Row = [
  what: string,
  req: Partial<GateRequest>,
  expected: { status: number; code?: string; allow?: string; key?: string } | null,
];

const none = { publicUrl: null };
const rows: Row[] = [
  ["a plain API read", { url: HOOKS }, null],
  ["a page", { url: "/conekta/default/webhooks" }, null],
  ["a page with a short search", { url: "/conekta/default/webhooks/?q=shop" }, null],
  [
    "TRACE on an API route",
    { method: "TRACE", url: HOOKS },
    { status: 405, code: "method_not_allowed", allow: "GET, HEAD, POST, OPTIONS" },
  ],
  [
    "PROPFIND on a page",
    { method: "PROPFIND", url: "/" },
    {
      status: 405,
      code: "method_not_allowed",
      allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
    },
  ],
  [
    "TRACK on an unknown API path",
    { method: "TRACK", url: "/api/nope" },
    {
      status: 405,
      code: "method_not_allowed",
      allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
    },
  ],
  [
    "PUT where the route has no PUT",
    { method: "PUT", url: HOOKS },
    { status: 405, code: "method_not_allowed", allow: "GET, HEAD, POST, OPTIONS" },
  ],
  ["HEAD where the route has GET", { method: "HEAD", url: "/api/me" }, null],
  [
    "HEAD where the route has no GET",
    { method: "HEAD", url: "/api/auth/sign-in" },
    { status: 405, code: "method_not_allowed", allow: "POST, OPTIONS" },
  ],
  [
    "OPTIONS on an API route",
    { method: "OPTIONS", url: "/api/users/u1" },
    { status: 204, allow: "GET, HEAD, PATCH, OPTIONS" },
  ],
  [
    "an unknown API path",
    { url: "/api/nope" },
    { status: 404, code: "not_found", key: "noSuchRoute" },
  ],
  ["/api itself", { url: "/api" }, { status: 404, code: "not_found" }],
  ["a trailing slash on an API route (Next redirects it)", { url: "/api/me/" }, null],
  [
    "a malformed % in an API path",
    { url: `${HOOKS}/%ZZ` },
    { status: 400, code: "bad_request", key: "urlMalformed" },
  ],
  [
    "bytes that are no UTF-8",
    { url: `${HOOKS}/%C3%28` },
    { status: 400, code: "bad_request", key: "urlMalformed" },
  ],
  [
    "a malformed % in a query value",
    { url: `${HOOKS}?cursor=%E0%A4%A` },
    { status: 400, code: "bad_request" },
  ],
  ["a malformed % in a query name", { url: `/?%ZZ=1` }, { status: 400, code: "bad_request" }],
  [
    "a .. segment in an API path",
    { method: "PUT", url: "/api/users/../accounts" },
    { status: 400, code: "bad_request", key: "pathDotSegments" },
  ],
  [
    "an encoded .. segment",
    { url: "/api/users/%2e%2e/accounts" },
    { status: 400, code: "bad_request", key: "pathDotSegments" },
  ],
  [
    "a backslash",
    { url: "/api\\users" },
    { status: 400, code: "bad_request", key: "pathDotSegments" },
  ],
  ["a malformed % in a page path", { url: "/conekta/%ZZ" }, { status: 400, code: "bad_request" }],
  ["a query of 2,048 characters", { url: `/?a=${long(2046)}` }, null],
  [
    "a query of 2,049 characters",
    { url: `/?a=${long(2047)}` },
    { status: 414, code: "uri_too_long" },
  ],
  ["a path of 2,049 characters", { url: `/${long(2048)}` }, { status: 414, code: "uri_too_long" }],
  [
    "a 10,000-character q on a page, before Next's redirect",
    { url: `/conekta/default/webhooks/?q=${long(10_000)}` },
    { status: 414, code: "uri_too_long" },
  ],
  ["q of 200 characters", { url: `${HOOKS}?q=${long(200)}` }, null],
  [
    "q of 201 characters on the API",
    { url: `${HOOKS}?q=${long(201)}` },
    { status: 400, code: "bad_request", key: "queryTooLong" },
  ],
  [
    "q of 201 characters on a page",
    { url: `/conekta/default/webhooks/?q=${long(201)}` },
    { status: 400, code: "bad_request", key: "queryTooLong" },
  ],
  ["q counted decoded (200 × %C3%A9)", { url: `${HOOKS}?q=${"%C3%A9".repeat(200)}` }, null],
  [
    "Content-Length of 64 kB",
    { method: "POST", url: HOOKS, headers: { "content-length": "65536" } },
    null,
  ],
  [
    "Content-Length over 64 kB",
    { method: "POST", url: HOOKS, headers: { "content-length": "65537" } },
    { status: 413, code: "payload_too_large" },
  ],
  [
    "a GET with a body (undici would refuse it with a plain-text 400)",
    { url: HOOKS, headers: { "content-length": "2" } },
    { status: 400, code: "bad_request", key: "bodyNotAllowed" },
  ],
  [
    "a DELETE with a chunked body",
    { method: "DELETE", url: `${HOOKS}/abc`, headers: { "transfer-encoding": "chunked" } },
    { status: 400, code: "bad_request", key: "bodyNotAllowed" },
  ],
  ["a GET with Content-Length 0", { url: HOOKS, headers: { "content-length": "0" } }, null],
  [
    "a 5 MB body on a page",
    { method: "POST", url: "/", headers: { "content-length": "5000000" } },
    null,
  ],
  [
    "an absolute-form target",
    { url: "http://127.0.0.1:3000/api/nope" },
    { status: 404, code: "not_found" },
  ],
];

describe("the server's gate", () => {
  it.each(rows)("%s", (_, partial, expected) => {
    const req: GateRequest = {
      method: "GET",
      url: "/",
      headers: { host: "127.0.0.1:3000" },
      ...partial,
    };
    const reply = decide(req, none);
    if (expected === null) return expect(reply).toBeNull();
    expect(reply).toMatchObject({
      status: expected.status,
      ...(expected.code ? { error: { code: expected.code } } : {}),
      ...(expected.key ? { error: { text: { key: expected.key } } } : {}),
    });
    expect(reply?.allow).toBe(expected.allow);
  });

  describe("with PUBLIC_URL set", () => {
    const options = { publicUrl: "https://console.example.com" };
    it.each([
      ["console.example.com", null],
      ["CONSOLE.example.com:443", null],
      ["console.example.com:8443", 400],
      ["evil.example", 400],
      [undefined, 400],
    ])("Host %s -> %s", (host, status) => {
      const reply = decide(
        { method: "GET", url: "/api/me", headers: host ? { host } : {} },
        options,
      );
      expect(reply?.status ?? null).toBe(status);
      if (status)
        expect(reply?.error?.text).toEqual({
          key: "hostRefused",
          values: { host: "console.example.com" },
        });
    });
  });
});

describe("the gate's replies", () => {
  it("are the envelope under /api: language, request id and security headers", () => {
    const req: GateRequest = {
      method: "TRACE",
      url: HOOKS,
      headers: { "accept-language": "es", "x-request-id": "probe-1" },
    };
    const rendered = renderReply(decide(req, none)!, req, { dev: false });
    expect(rendered.status).toBe(405);
    expect(rendered.headers).toMatchObject({
      Allow: "GET, HEAD, POST, OPTIONS",
      "Content-Type": "application/json",
      "x-request-id": "probe-1",
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
    });
    const { error } = errorEnvelopeSchema.parse(JSON.parse(rendered.body));
    expect(error).toMatchObject({ code: "method_not_allowed", requestId: "probe-1" });
    expect(error.message).toBe(
      "Esta dirección no acepta ese método. Acepta: GET, HEAD, POST, OPTIONS.",
    );
  });

  it("take the saved language over Accept-Language, and replace a forged request id", () => {
    const req: GateRequest = {
      method: "GET",
      url: "/api/nope",
      headers: {
        cookie: "a=1; console-language=en",
        "accept-language": "es",
        "x-request-id": "<script>",
      },
    };
    const rendered = renderReply(decide(req, none)!, req, { dev: false });
    const { error } = errorEnvelopeSchema.parse(JSON.parse(rendered.body));
    expect(error.message).toBe("No such page in the console API.");
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(rendered.headers["x-request-id"]).toBe(error.requestId);
  });

  it("are one line of text outside /api", () => {
    const req: GateRequest = { method: "GET", url: `/?q=${long(300)}`, headers: {} };
    const rendered = renderReply(decide(req, none)!, req, { dev: false });
    expect(rendered.headers["Content-Type"]).toBe("text/plain; charset=utf-8");
    expect(rendered.body).toBe("Query parameter q must be at most 200 characters long.\n");
  });

  it("close the connection after a 413, whose body was never read", () => {
    const req: GateRequest = {
      method: "POST",
      url: HOOKS,
      headers: { "content-length": "999999" },
    };
    expect(renderReply(decide(req, none)!, req, { dev: false }).headers.Connection).toBe("close");
  });

  it("judge a packet Node's parser refused by its request line and headers", () => {
    const req = parseRawRequest(
      Buffer.from("FOO /api/me HTTP/1.1\r\nHost: a\r\nAccept-Language: es\r\n\r\n"),
    );
    expect(req).toEqual({
      method: "FOO",
      url: "/api/me",
      headers: { host: "a", "accept-language": "es" },
    });
    expect(decide(req, none)).toMatchObject({ status: 405, allow: "GET, HEAD, OPTIONS" });
  });
});
