import { describe, expect, it } from "vitest";
import { z } from "zod";
import { errorEnvelopeSchema } from "@/lib/webhooks/model";
import { AppError, toErrorResponse } from "./errors";

describe("toErrorResponse", () => {
  it("keeps an AppError's code, fields, provider detail and Retry-After", () => {
    const error = new AppError("rate_limited", "Slow down.", {
      provider: { status: 429, code: "BAD_REQUEST_ERROR", message: "Too many requests" },
      retryAfterSeconds: 7,
    });
    const { status, body, headers } = toErrorResponse(error, "req-1");
    expect(status).toBe(429);
    expect(headers).toEqual({ "x-request-id": "req-1", "retry-after": "7" });
    expect(errorEnvelopeSchema.parse(body)).toEqual({
      error: {
        code: "rate_limited",
        message: "Slow down.",
        requestId: "req-1",
        provider: { status: 429, code: "BAD_REQUEST_ERROR", message: "Too many requests" },
      },
    });
  });

  it("turns a zod failure into 422 with the fields", () => {
    const parsed = z.object({ url: z.url() }).safeParse({ url: "nope" });
    const { status, body } = toErrorResponse(parsed.error, "req-2");
    expect(status).toBe(422);
    expect(body.error.fields?.url?.length).toBe(1);
  });

  it("hides anything unexpected behind a 500 with no stack or message of its own", () => {
    const { status, body } = toErrorResponse(
      new Error("ECONNRESET at /secret/path key_live_123"),
      "req-3",
    );
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toMatch(/ECONNRESET|secret|key_live|at /);
    expect(body.error.code).toBe("internal");
  });
});
