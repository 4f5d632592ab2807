import { createLogId } from "./ids";
import { messages, type Language, type Message } from "./messages";

/** Conekta's error reply (`components/schemas/error` in the spec). */
export interface ConektaErrorBody {
  object: "error";
  type: string;
  log_id: string;
  details: ConektaErrorDetail[];
}

export interface ConektaErrorDetail {
  code: string;
  param: string | null;
  message: string;
  debug_message: string;
}

export interface DetailInput {
  code: string;
  param?: string | null;
  message: Message;
  /** English text for developers; the English `message` when absent. */
  debug?: string;
}

/** A Conekta error reply, thrown by the handlers and turned into a response by the emulator. */
export class ConektaError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly details: readonly DetailInput[],
  ) {
    super(`${status} ${type}: ${details.map((d) => d.code).join(", ")}`);
  }

  toBody(language: Language): ConektaErrorBody {
    return {
      object: "error",
      type: this.type,
      log_id: createLogId(),
      details: this.details.map((d) => ({
        code: d.code,
        param: d.param ?? null,
        message: d.message[language],
        debug_message: d.debug ?? d.message.en,
      })),
    };
  }
}

const VALIDATION = "parameter_validation_error";

export const conektaErrors = {
  // The spec documents only `missing_key`; a wrong key gets the same code with its own message.
  missingKey: () =>
    new ConektaError(401, "authentication_error", [
      { code: "conekta.errors.authentication.missing_key", message: messages.missingKey },
    ]),
  invalidKey: () =>
    new ConektaError(401, "authentication_error", [
      {
        code: "conekta.errors.authentication.missing_key",
        message: messages.invalidKey,
        debug: "The Bearer token does not match this account's private key.",
      },
    ]),
  entityNotFound: (entity: string, id: string) =>
    new ConektaError(404, "resource_not_found_error", [
      {
        code: "conekta.errors.resource_not_found.entity",
        message: messages.notFound,
        debug: `The object ${entity} "${id}" could not be found.`,
      },
    ]),
  routeNotFound: (method: string, path: string) =>
    new ConektaError(404, "resource_not_found_error", [
      {
        code: "conekta.errors.resource_not_found.route",
        message: messages.notFound,
        debug: `No resource matches ${method} ${path}.`,
      },
    ]),
  validation: (details: DetailInput[]) => new ConektaError(422, VALIDATION, details),
  malformedJson: () =>
    new ConektaError(422, VALIDATION, [
      {
        code: "conekta.errors.parameter_validation.malformed_json",
        message: messages.malformedJson,
      },
    ]),
  bodyNotAllowed: () =>
    new ConektaError(415, "unsupported_media_type_error", [
      {
        code: "conekta.errors.unsupported_media_type.body_not_allowed",
        message: messages.bodyNotAllowed,
        debug: "POST /webhooks/{id}/test takes no request body; send none.",
      },
    ]),
  webhookLimit: () =>
    new ConektaError(422, VALIDATION, [
      {
        code: "conekta.errors.parameter_validation.webhook.limit_exceeded",
        message: messages.webhookLimit,
      },
    ]),
} as const;

/** A Conekta-shaped error for a status injected by a fault (no request, so the default language). */
export function errorForStatus(status: number): ConektaError {
  switch (status) {
    case 401:
      return conektaErrors.missingKey();
    case 402:
    case 403:
      // The spec's 402 and 403 examples both use `processing_error`.
      return new ConektaError(status, "processing_error", [
        { code: "conekta.errors.forbidden.access", message: messages.forbidden },
      ]);
    case 404:
      return new ConektaError(404, "resource_not_found_error", [
        { code: "conekta.errors.resource_not_found.entity", message: messages.notFound },
      ]);
    case 422:
      return new ConektaError(422, VALIDATION, [
        {
          code: "conekta.errors.parameter_validation.general",
          message: messages.genericError(422),
        },
      ]);
    case 428:
      return new ConektaError(428, "precondition_required_error", [
        {
          code: "conekta.errors.precondition_required.general",
          message: messages.preconditionRequired,
        },
      ]);
    case 429:
      // Conekta documents no rate-limit reply; this type and code are the sandbox's own.
      return new ConektaError(429, "too_many_requests_error", [
        { code: "conekta.errors.too_many_requests", message: messages.tooManyRequests },
      ]);
    case 500:
      return new ConektaError(500, "api_error", [
        { code: "conekta.errors.api.system.general_failure", message: messages.runtimeError },
      ]);
    default:
      return new ConektaError(status, "api_error", [
        {
          code: "conekta.errors.api.system.general_failure",
          message: messages.genericError(status),
        },
      ]);
  }
}
