import type { SandboxResponse } from "../http";
import type { RazorpayAuthErrorBody, RazorpayErrorBody, RazorpayErrorCode } from "./schemas";

/**
 * Razorpay's error envelope. For request validation errors Razorpay fills `source`, `step` and
 * `reason` with "NA" and `metadata` with `{}`; the sandbox does the same for every error it makes.
 */

export const RAZORPAY_TEXT = {
  authFailed: "Authentication failed",
  notFound: "The requested URL was not found on the server.",
  idNotFound: "The id provided does not exist",
  invalidUrl: "The url is not a valid URL.",
  urlRequired: "The url field is required.",
  eventsRequired: "The events field is required.",
  countTooLarge: "The count may not be greater than 100.",
  tooManyRequests: "Too many requests",
  // Razorpay's SERVER_ERROR wording.
  serverError: "The server encountered an error. The incident has been reported to admins.",
  // Not in PROVIDERS.md: the sandbox's choices, listed in README.md.
  invalidJson: "The request body must be a valid JSON object.",
  limitReached: "Maximum 30 webhooks allowed per account",
  badRequest: "The request could not be processed.",
} as const;

/** Thrown by route handlers; the emulator turns it into a reply. */
export class RazorpayHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: RazorpayErrorBody | RazorpayAuthErrorBody,
  ) {
    super(body.error.description);
    this.name = "RazorpayHttpError";
  }

  toResponse(): SandboxResponse {
    return { status: this.status, body: this.body };
  }
}

export function buildErrorBody(
  code: RazorpayErrorCode,
  description: string,
  field?: string,
): RazorpayErrorBody {
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

export function badRequest(description: string, field?: string): RazorpayHttpError {
  return new RazorpayHttpError(400, buildErrorBody("BAD_REQUEST_ERROR", description, field));
}

export function authFailed(): RazorpayHttpError {
  return new RazorpayHttpError(401, {
    error: { code: "BAD_REQUEST_ERROR", description: RAZORPAY_TEXT.authFailed },
  });
}

/** Razorpay answers an unknown path (or a method a path does not take) with a 400, not a 404. */
export function routeNotFound(): RazorpayHttpError {
  return badRequest(RAZORPAY_TEXT.notFound);
}

export function idNotFound(): RazorpayHttpError {
  return badRequest(RAZORPAY_TEXT.idNotFound);
}

/**
 * The body of an injected fault. 429 is a BAD_REQUEST_ERROR "Too many requests", as Razorpay's
 * throttle answers; 401 is the bare auth shape; every 5xx is a SERVER_ERROR (GATEWAY_ERROR is about
 * payment gateways, which the webhook API never reaches).
 */
export function buildFaultErrorBody(status: number): RazorpayErrorBody | RazorpayAuthErrorBody {
  if (status === 401) return authFailed().body;
  if (status === 429) return buildErrorBody("BAD_REQUEST_ERROR", RAZORPAY_TEXT.tooManyRequests);
  if (status === 404) return buildErrorBody("BAD_REQUEST_ERROR", RAZORPAY_TEXT.notFound);
  if (status >= 500) return buildErrorBody("SERVER_ERROR", RAZORPAY_TEXT.serverError);
  return buildErrorBody("BAD_REQUEST_ERROR", RAZORPAY_TEXT.badRequest);
}
