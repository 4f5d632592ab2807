import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  CONEKTA_SPEC_PATH,
  loadConektaSpec,
  validateConektaRequest,
  validateConektaResponse,
} from "./openapi-validator";
import type { ConektaWebhook } from "./resources";
import { CONEKTA_SEED } from "./seed";
import { contractChecks, setUpConektaSandbox } from "./test-harness";

const { api, sandbox } = setUpConektaSandbox();

const webhook: ConektaWebhook = {
  id: "6307a60c41de27127515a575",
  url: "https://webhook.site/89277eaa",
  status: "listening",
  subscribed_events: ["charge.paid"],
  synchronous: false,
  livemode: false,
  production_enabled: false,
  development_enabled: true,
  deleted: null,
  object: "webhook",
};
const CONTENT_TYPE = "application/vnd.conekta-v2.1.0+json";

describe("Conekta contract: the spec", () => {
  it("is present beside the repository (the contract tests cannot run without it)", () => {
    expect(
      existsSync(CONEKTA_SPEC_PATH),
      `missing ${CONEKTA_SPEC_PATH}: check out shared/provider-specs beside the repository`,
    ).toBe(true);
    expect(() => loadConektaSpec()).not.toThrow();
  });
});

describe("Conekta contract: the response validator is a real check", () => {
  it("accepts a spec-shaped webhook and the spec's own error examples", () => {
    expect(
      validateConektaResponse("GET", "/webhooks/{id}", 200, webhook, { contentType: CONTENT_TYPE })
        .valid,
    ).toBe(true);
    const example = {
      details: [
        {
          message: "Please include your access key in your request.",
          param: null,
          code: "conekta.errors.authentication.missing_key",
        },
      ],
      log_id: "507f1f77bcf86cd799439011",
      object: "error",
      type: "authentication_error",
    };
    expect(validateConektaResponse("POST", "/webhooks", 401, example).errors).toEqual([]);
  });

  it.each([
    ["an invented field", { ...webhook, created_at: 1 }],
    ["a wrong type", { ...webhook, synchronous: "false" }],
    ["a null where the spec has no nullable", { ...webhook, status: null }],
  ])("refuses a webhook with %s", (_, body) => {
    const result = validateConektaResponse("GET", "/webhooks/{id}", 200, body);
    expect(result.valid).toBe(false);
  });

  it("refuses a list without has_more, an undeclared success status and a wrong content type", () => {
    const list = { object: "list", next_page_url: null, previous_page_url: null, data: [webhook] };
    expect(validateConektaResponse("GET", "/webhooks", 200, list).valid).toBe(false);
    expect(validateConektaResponse("POST", "/webhooks", 201, webhook).valid).toBe(false);
    expect(
      validateConektaResponse("GET", "/webhooks/{id}", 200, webhook, {
        contentType: "application/json",
      }).valid,
    ).toBe(false);
  });

  it("checks an error status the operation does not declare against the spec's error schema", () => {
    const ok = validateConektaResponse("POST", "/webhooks", 422, {
      object: "error",
      type: "x",
      log_id: null,
      details: [],
    });
    expect(ok).toMatchObject({
      valid: true,
      checkedAgainst: expect.stringContaining("#/components/schemas/error") as string,
    });
    expect(
      validateConektaResponse("POST", "/webhooks", 422, { object: "error", details: [{ code: 1 }] })
        .valid,
    ).toBe(false);
  });
});

describe("Conekta contract: the request validator", () => {
  const auth = { authorization: "Bearer key_x", "content-type": "application/json" };

  it("accepts the 2.1.0 create, update, list and test calls", () => {
    expect(
      validateConektaRequest("POST", "/webhooks", {
        headers: auth,
        body: { url: "https://a.example.com", synchronous: false },
      }).errors,
    ).toEqual([]);
    expect(
      validateConektaRequest("PUT", "/webhooks/{id}", {
        headers: auth,
        body: { url: "https://a.example.com", events: ["order.paid"] },
      }).errors,
    ).toEqual([]);
    const list = {
      headers: { ...auth, "X-Child-Company-Id": CONEKTA_SEED.fullChildId, "Accept-Language": "en" },
      query: { limit: "250", next: "abc" },
    };
    expect(validateConektaRequest("GET", "/webhooks", list).errors).toEqual([]);
    expect(
      validateConektaRequest("POST", "/webhooks/{id}/test", {
        headers: { authorization: "Bearer k" },
      }).errors,
    ).toEqual([]);
  });

  it.each([
    [
      "create without synchronous",
      "POST",
      "/webhooks",
      { headers: auth, body: { url: "https://a.example.com" } },
    ],
    [
      "create with events",
      "POST",
      "/webhooks",
      { headers: auth, body: { url: "https://a.example.com", synchronous: false, events: [] } },
    ],
    [
      "create for localhost",
      "POST",
      "/webhooks",
      { headers: auth, body: { url: "http://localhost/x", synchronous: false } },
    ],
    ["update without url", "PUT", "/webhooks/{id}", { headers: auth, body: { events: [] } }],
    ["test with a body", "POST", "/webhooks/{id}/test", { headers: auth, body: {} }],
    ["list with limit 0", "GET", "/webhooks", { headers: auth, query: { limit: "0" } }],
    [
      "list with an undeclared parameter",
      "GET",
      "/webhooks",
      { headers: auth, query: { page: "2" } },
    ],
    [
      "an unsupported language",
      "GET",
      "/webhooks",
      { headers: { ...auth, "Accept-Language": "fr" } },
    ],
    ["no bearer key", "GET", "/webhooks", { headers: {} }],
  ])("refuses %s", (_, method, path, request) => {
    expect(validateConektaRequest(method, path, request).valid).toBe(false);
  });
});

describe("Conekta contract: every operation of the sandbox, success and error", () => {
  it("replies as the spec says (each reply is checked by the test client)", async () => {
    const before = contractChecks.count;
    const { webhooks } = CONEKTA_SEED;
    const url = `${sandbox().url}/receivers/ok/contract`;
    const created = await api<ConektaWebhook>("POST", "/webhooks", {
      body: { url, synchronous: false },
    });
    const calls: [string, string, unknown?][] = [
      ["GET", "/webhooks?limit=2"],
      ["GET", `/webhooks/${created.body.id}`],
      ["PUT", `/webhooks/${created.body.id}`, { url, events: ["order.paid"] }],
      ["POST", `/webhooks/${created.body.id}/test`],
      ["GET", "/events?limit=3"],
      ["GET", `/events/${CONEKTA_SEED.events.parentPingFailed}`],
      ["GET", "/companies?limit=2"],
      ["GET", `/companies/${CONEKTA_SEED.fullChildId}`],
      ["GET", `/companies/${CONEKTA_SEED.parentCompanyId}`],
      ["POST", "/webhook_keys", { active: true }],
      ["DELETE", `/webhooks/${created.body.id}`],
      ["GET", `/webhooks/${created.body.id}`],
      ["GET", "/events/ffffffffffffffffffffffff"],
      ["GET", "/companies/ffffffffffffffffffffffff"],
      ["POST", "/webhooks", {}],
      ["PUT", `/webhooks/${webhooks.parentOk}`, { nope: true }],
      ["POST", "/webhook_keys", { active: "yes" }],
      ["GET", "/webhooks?limit=0"],
      ["GET", "/unknown"],
    ];
    const statuses: number[] = [];
    for (const [method, path, body] of calls)
      statuses.push((await api(method, path, { body })).status);
    expect(statuses).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 404, 404, 404, 422, 422, 422, 422, 404,
    ]);
    expect(contractChecks.count - before).toBe(calls.length + 1);
  });
});
