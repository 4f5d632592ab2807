import { describe, expect, it } from "vitest";
import { AppError, toErrorResponse } from "@/lib/http/errors";
import { toConektaAppError } from "./errors";

const LOG_ID = "507f1f77bcf86cd799439011";
const noHeaders = {};

/** A Conekta error body as the 2.1.0 spec shapes it. */
function conektaError(
  type: string,
  details: { code: string; param?: string | null; message: string }[],
) {
  return {
    object: "error",
    type,
    log_id: LOG_ID,
    details: details.map((d) => ({ param: null, debug_message: d.message, ...d })),
  };
}

describe("toConektaAppError", () => {
  it("turns a 401 into a 502 that blames the console's key, not the user", () => {
    const error = toConektaAppError(
      401,
      conektaError("authentication_error", [
        {
          code: "conekta.errors.authentication.missing_key",
          message: "Acceso no autorizado.",
        },
      ]),
      noHeaders,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("provider_error");
    expect(error.status).toBe(502);
    expect(error.message).toMatch(/console's API key/);
    expect(error.message).toContain("CONEKTA_API_KEY");
    expect(error.provider).toEqual({
      status: 401,
      code: "conekta.errors.authentication.missing_key",
      message: "Acceso no autorizado.",
      logId: LOG_ID,
    });
  });

  it("turns an unknown entity into not_found, in Conekta's words", () => {
    const error = toConektaAppError(
      404,
      conektaError("resource_not_found_error", [
        {
          code: "conekta.errors.resource_not_found.entity",
          message: "The resource was not found.",
        },
      ]),
      noHeaders,
    );
    expect(error.code).toBe("not_found");
    expect(error.status).toBe(404);
    expect(error.message).toBe("The resource was not found.");
    expect(error.provider?.code).toBe("conekta.errors.resource_not_found.entity");
  });

  it("turns parameter_validation details into fields keyed by param, keeping the log id", () => {
    const error = toConektaAppError(
      422,
      conektaError("parameter_validation_error", [
        {
          code: "conekta.errors.parameter_validation.url.invalid",
          param: "url",
          message: "The url is not valid.",
        },
        {
          code: "conekta.errors.parameter_validation.events.invalid",
          param: "events",
          message: "The event webhook.ping does not exist.",
        },
        {
          code: "conekta.errors.parameter_validation.url.invalid",
          param: "url",
          message: "The url may not point to localhost.",
        },
      ]),
      noHeaders,
    );
    expect(error.code).toBe("invalid_fields");
    expect(error.status).toBe(422);
    expect(error.fields).toEqual({
      url: ["The url is not valid.", "The url may not point to localhost."],
      events: ["The event webhook.ping does not exist."],
    });
    expect(error.provider?.logId).toBe(LOG_ID);
    expect(toErrorResponse(error, "req_1").body.error.provider?.logId).toBe(LOG_ID);
  });

  it("turns a parameter_validation without a param into bad_request", () => {
    const error = toConektaAppError(
      422,
      conektaError("parameter_validation_error", [
        { code: "conekta.errors.parameter_validation.malformed_json", message: "Bad JSON." },
      ]),
      noHeaders,
    );
    expect(error.code).toBe("bad_request");
    expect(error.fields).toBeUndefined();
  });

  it("turns the 11th webhook (the sandbox's limit code) into a 409 conflict", () => {
    const error = toConektaAppError(
      422,
      conektaError("parameter_validation_error", [
        {
          code: "conekta.errors.parameter_validation.webhook.limit_exceeded",
          message: "Solo se permiten 10 webhooks.",
        },
      ]),
      noHeaders,
    );
    expect(error.code).toBe("conflict");
    expect(error.status).toBe(409);
    expect(error.message).toBe("Solo se permiten 10 webhooks.");
  });

  it.each([
    ["seconds", "7", 7],
    ["an HTTP date", new Date(Date.now() + 30_000).toUTCString(), 30],
  ])("turns a 429 with Retry-After in %s into rate_limited", (_, value, seconds) => {
    const error = toConektaAppError(
      429,
      conektaError("too_many_requests_error", [
        { code: "conekta.errors.too_many_requests", message: "Too many requests." },
      ]),
      { "retry-after": value },
    );
    expect(error.code).toBe("rate_limited");
    expect(error.status).toBe(429);
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(seconds - 1);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(seconds);
    expect(toErrorResponse(error, "req_1").headers["retry-after"]).toBe(
      String(error.retryAfterSeconds),
    );
  });

  it("turns a 500 api_error into provider_error", () => {
    const error = toConektaAppError(
      500,
      conektaError("api_error", [
        {
          code: "conekta.errors.api.system.general_failure",
          message: "Hubo un error.",
        },
      ]),
      noHeaders,
    );
    expect(error.code).toBe("provider_error");
    expect(error.status).toBe(502);
    expect(error.provider).toMatchObject({
      status: 500,
      code: "conekta.errors.api.system.general_failure",
    });
  });

  // A proxy's HTML page, a truncated body or nothing at all is not Conekta speaking: whatever the
  // status, the console reports that Conekta answered nonsense (502) rather than, say, "not found".
  it.each([
    [502, "<html><body>Bad gateway</body></html>"],
    [500, ""],
    [404, "<html><body>Not Found</body></html>"],
    [422, '{"object":"error","details":['],
    [400, undefined],
  ])("turns a %i with a body that is not Conekta's JSON into provider_error", (status, body) => {
    const error = toConektaAppError(status, body, noHeaders);
    expect(error.code).toBe("provider_error");
    expect(error.status).toBe(502);
    expect(error.provider).toEqual({ status, code: null, message: null });
  });

  it("still says rate_limited for a 429 whose body is not JSON", () => {
    const error = toConektaAppError(429, "Too Many Requests", { "retry-after": "3" });
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfterSeconds).toBe(3);
  });
});
