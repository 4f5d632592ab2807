import { getScriptNonceFromHeader } from "next/dist/server/app-render/get-script-nonce-from-header";
import { describe, expect, it } from "vitest";
import {
  createNonce,
  isHttpsRequest,
  prepareSecurityHeaders,
  securityHeaders,
  withSecurityHeaders,
} from "./security-headers";

/** The CSP as directive name → its sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(";").map((part) => {
      const [name = "", ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

const nonce = "bm9uY2Utb2YtdGhlLXRlc3Q=";

describe("securityHeaders", () => {
  it("sends a nonce-based CSP, nosniff, a referrer policy and no framing", () => {
    const headers = securityHeaders({ nonce, https: false, dev: false });
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["X-Frame-Options"]).toBe("DENY");
    expect(headers["X-Powered-By"]).toBeUndefined();

    const csp = directives(headers["Content-Security-Policy"]!);
    expect(csp.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(csp.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get("img-src")).toEqual(["'self'", "data:"]);
    expect(csp.get("font-src")).toEqual(["'self'"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
  });

  it("sends HSTS (and upgrades subresources) only over https", () => {
    const http = securityHeaders({ nonce, https: false, dev: false });
    expect(http["Strict-Transport-Security"]).toBeUndefined();
    expect(directives(http["Content-Security-Policy"]!).has("upgrade-insecure-requests")).toBe(
      false,
    );

    const https = securityHeaders({ nonce, https: true, dev: false });
    expect(https["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(directives(https["Content-Security-Policy"]!).has("upgrade-insecure-requests")).toBe(
      true,
    );
  });

  it("never allows inline scripts, and allows eval only under next dev", () => {
    for (const https of [false, true]) {
      for (const dev of [false, true]) {
        const csp = directives(securityHeaders({ nonce, https, dev })["Content-Security-Policy"]!);
        expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
        expect(csp.get("default-src")).not.toContain("'unsafe-inline'");
        expect(csp.get("script-src")?.includes("'unsafe-eval'")).toBe(dev);
      }
    }
  });

  it("keeps the nonce out of style-src, where it would switch 'unsafe-inline' off", () => {
    const csp = securityHeaders({ nonce, https: false, dev: false })["Content-Security-Policy"]!;
    expect(directives(csp).get("style-src")?.join(" ")).not.toContain("nonce");
  });

  it("writes the nonce where Next looks for it to put it on its own scripts", () => {
    for (const dev of [false, true]) {
      const csp = securityHeaders({ nonce, https: false, dev })["Content-Security-Policy"]!;
      expect(getScriptNonceFromHeader(csp)).toBe(nonce);
    }
  });
});

describe("createNonce", () => {
  it("draws a fresh nonce each time, in the alphabet Next accepts", () => {
    const drawn = Array.from({ length: 50 }, createNonce);
    expect(new Set(drawn).size).toBe(50);
    for (const n of drawn) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("isHttpsRequest", () => {
  const request = (url: string, headers: Record<string, string> = {}) =>
    new Request(url, { headers });

  it.each([
    ["http://127.0.0.1:3000/", {}, false],
    ["https://console.example/", {}, true],
    ["http://127.0.0.1:3000/", { "x-forwarded-proto": "https" }, true],
    ["http://127.0.0.1:3000/", { "x-forwarded-proto": "HTTPS, http" }, true],
    ["http://127.0.0.1:3000/", { "x-forwarded-proto": "http" }, false],
  ])("%s with %j → %s", (url, headers, expected) => {
    expect(isHttpsRequest(request(url, headers))).toBe(expected);
  });
});

describe("prepareSecurityHeaders", () => {
  it("hands the nonce and the same CSP to the render, replacing what the client sent", () => {
    const incoming = new Request("http://127.0.0.1:3000/conekta", {
      headers: {
        "x-nonce": "chosen-by-the-client",
        "content-security-policy": "script-src *",
        "accept-language": "es",
      },
    });
    const security = prepareSecurityHeaders(incoming, { dev: false });
    expect(security.requestHeaders.get("x-nonce")).toBe(security.nonce);
    expect(security.requestHeaders.get("content-security-policy")).toBe(
      security.responseHeaders["Content-Security-Policy"],
    );
    expect(getScriptNonceFromHeader(security.requestHeaders.get("content-security-policy")!)).toBe(
      security.nonce,
    );
    expect(security.requestHeaders.get("accept-language")).toBe("es");
    expect(security.responseHeaders["Strict-Transport-Security"]).toBeUndefined();
    expect(prepareSecurityHeaders(incoming, { dev: false }).nonce).not.toBe(security.nonce);
  });

  it("puts every header on the reply, over https with HSTS", () => {
    const incoming = new Request("http://127.0.0.1:3000/api/conekta/accounts", {
      headers: { "x-forwarded-proto": "https" },
    });
    const security = prepareSecurityHeaders(incoming, { dev: false });
    const reply = withSecurityHeaders(Response.json({ ok: true }), security);
    for (const [name, value] of Object.entries(security.responseHeaders)) {
      expect(reply.headers.get(name)).toBe(value);
    }
    expect(reply.headers.get("strict-transport-security")).toBe(
      "max-age=31536000; includeSubDomains",
    );
    expect(reply.headers.get("content-type")).toBe("application/json");
  });
});
