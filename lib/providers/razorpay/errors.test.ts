import { describe, expect, it } from "vitest";
import { toErrorResponse } from "@/lib/http/errors";
import { toRazorpayAppError } from "./errors";

const noHeaders = {};

/** Razorpay's error envelope, as the Partner API (and the sandbox) sends it. */
function razorpayError(description: string, field?: string, code = "BAD_REQUEST_ERROR") {
  return {
    error: {
      code,
      description,
      ...(field === undefined ? {} : { field }),
      source: "NA",
      step: "NA",
      reason: "NA",
      metadata: {},
    },
  };
}

describe("toRazorpayAppError", () => {
  // Every 400 text of PROVIDERS.md and the sandbox README that names a field: a 422 whose field
  // is the console's name for it (the form and the list API speak camelCase and `limit`).
  it.each([
    ["The url field is required.", "url", "url"],
    ["The url is not a valid URL.", "url", "url"],
    ["The url may not be greater than 255 characters.", "url", "url"],
    ["private ip found for host", "url", "url"],
    ["Only ports 80 and 443 are allowed in the url.", "url", "url"],
    ["The url domain is not allowed.", "url", "url"],
    ["The url may not point to a razorpay domain.", "url", "url"],
    ["The events field is required.", "events", "events"],
    ["The events must be an array.", "events", "events"],
    ["The alert email must be a valid email address.", "alert_email", "alertEmail"],
    ["The secret must be a string.", "secret", "secret"],
    ["The active field must be true or false.", "active", "active"],
    ["alert_email is/are not required and should not be sent", "alert_email", "alertEmail"],
    ["The count may not be greater than 100.", "count", "limit"],
    ["The count must be at least 1.", "count", "limit"],
    ["The from must be at least 0.", "from", "from"],
    ["The to must be an integer.", "to", "to"],
  ])("turns %j (field %s) into invalid_fields on %s", (description, field, consoleField) => {
    const error = toRazorpayAppError(400, razorpayError(description, field), noHeaders);
    expect(error.code).toBe("invalid_fields");
    expect(error.status).toBe(422);
    expect(error.fields).toEqual({ [consoleField]: [description] });
    expect(error.message).toBe(description);
    expect(error.provider).toEqual({
      status: 400,
      code: "BAD_REQUEST_ERROR",
      message: description,
    });
  });

  it("names each refused event in its own message under fields.events", () => {
    const error = toRazorpayAppError(
      400,
      razorpayError("Invalid event name/names: payment.teleported, refund.lost", "events"),
      noHeaders,
    );
    expect(error.code).toBe("invalid_fields");
    expect(error.fields?.events).toHaveLength(2);
    expect(error.fields?.events?.[0]).toContain('"payment.teleported"');
    expect(error.fields?.events?.[1]).toContain('"refund.lost"');
    expect(Object.keys(error.fields ?? {})).toEqual(["events"]);
  });

  it("reads the invalid-events text without a field too", () => {
    const error = toRazorpayAppError(
      400,
      razorpayError("Invalid event name/names: a, b"),
      noHeaders,
    );
    expect(error.fields?.events).toEqual([
      expect.stringContaining('"a"'),
      expect.stringContaining('"b"'),
    ]);
  });

  it("turns an id that does not exist into not_found", () => {
    const error = toRazorpayAppError(
      400,
      razorpayError("The id provided does not exist"),
      noHeaders,
    );
    expect(error.code).toBe("not_found");
    expect(error.status).toBe(404);
  });

  // Razorpay's router says this for a path or method it does not know. The console builds every
  // path itself and only the account and webhook id vary, so it means that id names nothing:
  // not_found, the same as "The id provided does not exist".
  it("turns 'The requested URL was not found on the server.' into not_found", () => {
    const error = toRazorpayAppError(
      400,
      razorpayError("The requested URL was not found on the server."),
      noHeaders,
    );
    expect(error.code).toBe("not_found");
    expect(error.status).toBe(404);
  });

  it("turns the 30-webhook limit into a 409 conflict", () => {
    const error = toRazorpayAppError(
      400,
      razorpayError("Maximum 30 webhooks allowed per account"),
      noHeaders,
    );
    expect(error.code).toBe("conflict");
    expect(error.status).toBe(409);
    expect(error.message).toBe("Maximum 30 webhooks allowed per account");
  });

  it("turns other field-less 400s into bad_request, keeping Razorpay's words", () => {
    const error = toRazorpayAppError(
      400,
      razorpayError("The request body must be a valid JSON object."),
      noHeaders,
    );
    expect(error.code).toBe("bad_request");
    expect(error.message).toBe("The request body must be a valid JSON object.");
  });

  it("turns a 401 (short shape) into a 502 that blames the console's keys", () => {
    const error = toRazorpayAppError(
      401,
      { error: { code: "BAD_REQUEST_ERROR", description: "Authentication failed" } },
      noHeaders,
    );
    expect(error.code).toBe("provider_error");
    expect(error.status).toBe(502);
    expect(error.message).toMatch(/console's API keys/);
    expect(error.message).toContain("RAZORPAY_KEY_ID");
    expect(error.provider?.message).toBe("Authentication failed");
  });

  it("turns a 429 into rate_limited with Razorpay's Retry-After", () => {
    const error = toRazorpayAppError(429, razorpayError("Too many requests"), {
      "retry-after": "12",
    });
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfterSeconds).toBe(12);
    expect(toErrorResponse(error, "req_1").headers["retry-after"]).toBe("12");
  });

  it("turns a 429 without Retry-After into rate_limited with a short wait", () => {
    const error = toRazorpayAppError(429, null, noHeaders);
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
  });

  it.each([500, 502, 503])("turns a %i SERVER_ERROR into provider_error", (status) => {
    const error = toRazorpayAppError(
      status,
      razorpayError(
        "The server encountered an error. The incident has been reported to admins.",
        undefined,
        "SERVER_ERROR",
      ),
      noHeaders,
    );
    expect(error.code).toBe("provider_error");
    expect(error.status).toBe(502);
    expect(error.provider?.code).toBe("SERVER_ERROR");
  });

  // A proxy's HTML page or a truncated body is not Razorpay speaking: whatever the status, the
  // console reports that Razorpay answered nonsense (502), except that a 429 stays a 429.
  it.each([
    [400, "<html>Bad Request</html>"],
    [404, "<html>Not Found</html>"],
    [502, ""],
    [400, { message: "not the envelope" }],
  ])("turns a %i whose body is not Razorpay's error into provider_error", (status, body) => {
    const error = toRazorpayAppError(status, body, noHeaders);
    expect(error.code).toBe("provider_error");
    expect(error.status).toBe(502);
    expect(error.provider).toEqual({ status, code: null, message: null });
  });

  it("keeps a 429 whose body is not JSON a 429", () => {
    const error = toRazorpayAppError(429, "<html>Slow down</html>", { "retry-after": "4" });
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfterSeconds).toBe(4);
  });
});
