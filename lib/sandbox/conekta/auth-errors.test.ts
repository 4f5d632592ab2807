import { describe, expect, it } from "vitest";
import type { ConektaErrorBody } from "./errors";
import { messages } from "./messages";
import { CONEKTA_SEED } from "./seed";
import { setUpConektaSandbox } from "./test-harness";

const { api, sandbox } = setUpConektaSandbox();

describe("Conekta sandbox: authentication", () => {
  it("answers a call without a key with the spec's 401 authentication_error", async () => {
    const reply = await api<ConektaErrorBody>("GET", "/webhooks", { key: null });
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({
      object: "error",
      type: "authentication_error",
      log_id: expect.stringMatching(/^[0-9a-f]{24}$/) as string,
      details: [
        {
          code: "conekta.errors.authentication.missing_key",
          param: null,
          message: "Acceso no autorizado.",
          debug_message: "Please include your access key in your request.",
        },
      ],
    });
  });

  it("refuses a wrong key and a non-Bearer scheme", async () => {
    const wrong = await api<ConektaErrorBody>("GET", "/webhooks", {
      key: "key_other",
      language: "en",
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.details[0]?.code).toBe("conekta.errors.authentication.missing_key");
    expect(wrong.body.details[0]?.message).toBe(messages.invalidKey.en);

    const basic = await api<ConektaErrorBody>("GET", "/webhooks", {
      key: null,
      headers: { authorization: `Basic ${Buffer.from("key_test:").toString("base64")}` },
    });
    expect(basic.status).toBe(401);
  });

  it("authenticates before routing, so an unknown route without a key is a 401", async () => {
    expect((await api("GET", "/nowhere", { key: null })).status).toBe(401);
  });
});

describe("Conekta sandbox: languages and media type", () => {
  it("writes error messages in Spanish by default and in English on Accept-Language: en", async () => {
    const id = "0123456789abcdef01234567";
    const es = await api<ConektaErrorBody>("GET", `/webhooks/${id}`);
    const en = await api<ConektaErrorBody>("GET", `/webhooks/${id}`, { language: "en" });
    expect(es.body.details[0]?.message).toBe("El recurso no ha sido encontrado.");
    expect(en.body.details[0]?.message).toBe("The resource was not found.");
    // debug_message stays English, as in the spec's examples.
    expect(es.body.details[0]?.debug_message).toBe(
      `The object Webhook "${id}" could not be found.`,
    );
  });

  it("takes the first language tag of a browser-style header", async () => {
    const reply = await api<ConektaErrorBody>("GET", "/webhooks", {
      key: null,
      headers: { "accept-language": "en-US,en;q=0.9,es;q=0.8" },
    });
    expect(reply.body.details[0]?.message).toBe(messages.missingKey.en);
  });

  it("replies with the 2.1.0 media type and names the served version when Accept asks for one it does not emulate", async () => {
    const reply = await api("GET", "/webhooks?limit=1", {
      headers: { accept: "application/vnd.conekta-v2.0.0+json" },
    });
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toBe("application/vnd.conekta-v2.1.0+json");
    expect(reply.headers.get("conekta-media-type")).toBe("conekta-v2.1.0; format=application/json");
  });
});

describe("Conekta sandbox: error replies", () => {
  it("answers an unknown route or method with a 404 resource_not_found_error", async () => {
    const unknown = await api<ConektaErrorBody>("GET", "/nowhere");
    expect(unknown.status).toBe(404);
    expect(unknown.body.type).toBe("resource_not_found_error");
    expect(unknown.body.details[0]?.code).toBe("conekta.errors.resource_not_found.route");
    const wrongMethod = await api<ConektaErrorBody>(
      "PATCH",
      `/webhooks/${CONEKTA_SEED.webhooks.parentOk}`,
    );
    expect(wrongMethod.status).toBe(404);
  });

  it("answers an unknown webhook id with resource_not_found_error / entity", async () => {
    const reply = await api<ConektaErrorBody>("DELETE", "/webhooks/ffffffffffffffffffffffff");
    expect(reply.status).toBe(404);
    expect(reply.body.type).toBe("resource_not_found_error");
    expect(reply.body.details[0]?.code).toBe("conekta.errors.resource_not_found.entity");
  });

  it("answers a malformed JSON body with a 422 parameter_validation_error", async () => {
    const reply = await api<ConektaErrorBody>("POST", "/webhooks", {
      rawBody: '{"url": "https://example.com/hook",',
      headers: { "content-type": "application/json" },
      language: "en",
    });
    expect(reply.status).toBe(422);
    expect(reply.body.type).toBe("parameter_validation_error");
    expect(reply.body.details[0]).toMatchObject({
      code: "conekta.errors.parameter_validation.malformed_json",
      message: messages.malformedJson.en,
    });
    const notAnObject = await api<ConektaErrorBody>("POST", "/webhooks", {
      body: ["https://example.com"],
    });
    expect(notAnObject.body.details[0]?.code).toBe(
      "conekta.errors.parameter_validation.malformed_json",
    );
  });

  it.each([
    [401, "authentication_error"],
    [404, "resource_not_found_error"],
    [422, "parameter_validation_error"],
    [429, "too_many_requests_error"],
    [500, "api_error"],
    [503, "api_error"],
  ])("shapes an injected %i fault as a Conekta %s", async (status, type) => {
    const fault = { provider: "conekta", kind: "status", status, path: "^/companies$", times: 1 };
    const response = await fetch(`${sandbox().url}/__control/faults`, {
      method: "POST",
      body: JSON.stringify(fault),
    });
    expect(response.status).toBe(201);
    const reply = await api<ConektaErrorBody>("GET", "/companies");
    expect(reply.status).toBe(status);
    expect(reply.body.type).toBe(type);
    expect(reply.body.details[0]?.message).toEqual(expect.any(String));
  });

  it("answers an injected rate limit with Retry-After and a Conekta-shaped body", async () => {
    const fault = { provider: "conekta", kind: "rate-limit", retryAfter: 7, times: 1 };
    await fetch(`${sandbox().url}/__control/faults`, {
      method: "POST",
      body: JSON.stringify(fault),
    });
    const reply = await api<ConektaErrorBody>("GET", "/webhooks");
    expect(reply.status).toBe(429);
    expect(reply.headers.get("retry-after")).toBe("7");
    expect(reply.body.object).toBe("error");
  });
});
