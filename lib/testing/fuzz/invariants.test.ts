import { describe, expect, it } from "vitest";
import { checkReply, type Reply } from "./invariants";

const get = { method: "GET", target: "/api/conekta/default/webhooks", headers: {} };
const envelope = (code: string, extra: object = {}) =>
  JSON.stringify({ error: { code, message: "m", requestId: "r1", ...extra } });
const reply = (status: number, body: string, headers: Reply["headers"] = {}): Reply => ({
  status,
  body,
  headers: { "x-request-id": "r1", ...headers },
});
const check = (r: Reply, providerCalls = 0, req = get) =>
  checkReply(req, r, { providerCalls, secrets: ["key_secret_123"] });

// The fuzz test is only as good as these checks: each must catch what it names.
describe("the fuzz test's invariants", () => {
  it("pass a well-formed refusal and a success", () => {
    expect(check(reply(400, envelope("bad_request")))).toBeNull();
    expect(check(reply(200, '{"data":[]}'), 2)).toBeNull();
    expect(
      check(
        reply(404, envelope("not_found", { provider: { status: 404, code: null, message: null } })),
        1,
      ),
    ).toBeNull();
  });

  it.each([
    ["a 5xx", reply(500, envelope("internal")), 0, /5xx/],
    ["a plain-text error", reply(400, "Bad Request"), 0, /envelope/],
    ["an HTML 404", reply(404, "<!DOCTYPE html><html></html>"), 0, /envelope/],
    ["a 405 without Allow", reply(405, envelope("bad_request")), 0, /Allow/],
    ["a provider key", reply(200, '{"k":"key_secret_123"}'), 0, /provider key/],
    ["a key in a header", reply(200, "{}", { "x-debug": "key_secret_123" }), 0, /provider key/],
    ["a stack trace", reply(200, "Error: x\n    at f (/app/a.js:1:2)"), 0, /stack/],
    [
      "a mismatched request id",
      reply(400, envelope("bad_request"), { "x-request-id": "r2" }),
      0,
      /x-request-id/,
    ],
    ["a refusal after a provider call", reply(400, envelope("bad_request")), 1, /refused after 1/],
  ])("catch %s", (_, r, calls, message) => {
    expect(check(r, calls)).toMatch(message);
  });

  it("ask no envelope of pages", () => {
    expect(check(reply(404, "<html></html>"), 0, { ...get, target: "/nope" })).toBeNull();
  });
});
