import { createTranslator } from "use-intl/core";
import { z } from "zod";
import { messages, type Messages } from "@/lib/i18n/messages";
import type { ErrorCode, ErrorEnvelope, Webhook } from "@/lib/webhooks/model";

/** What a provider said, kept for support staff under `error.provider`. */
export interface ProviderDetail {
  status: number | null;
  code: string | null;
  message: string | null;
  logId?: string;
}

export const statusOfCode: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  uri_too_long: 414,
  headers_too_large: 431,
  unsupported_media_type: 415,
  invalid_fields: 422,
  rate_limited: 429,
  provider_error: 502,
  provider_timeout: 504,
  internal: 500,
};

/** A message of the console's own, by key, so that the API can answer in the user's language. */
export type ErrorKey = keyof Messages["errors"];
export interface ErrorText {
  key: ErrorKey;
  /** A value that is itself a text (e.g. the reason of a half-done create) is translated too. */
  values?: Record<string, string | number | ErrorText>;
}

export function translateError(text: ErrorText, language: keyof typeof messages): string {
  const t = createTranslator({
    locale: language,
    messages: messages[language],
    namespace: "errors",
  });
  const values =
    text.values &&
    Object.fromEntries(
      Object.entries(text.values).map(([name, value]) => [
        name,
        typeof value === "object" ? translateError(value, language) : value,
      ]),
    );
  return t(text.key, values);
}

export function translateFieldTexts(
  fieldTexts: Record<string, ErrorText[]>,
  language: keyof typeof messages,
): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(fieldTexts).map(([field, texts]) => [
      field,
      texts.map((text) => translateError(text, language)),
    ]),
  );
}

/** The one error type of the console; anything else becomes `internal`. */
export class AppError extends Error {
  override name = "AppError";
  readonly code: ErrorCode;
  readonly fields?: Record<string, string[]>;
  readonly provider?: ProviderDetail;
  readonly retryAfterSeconds?: number;
  /** A webhook that exists although the request as a whole failed (created without its events). */
  readonly createdWebhook?: Webhook;
  /** Set when the message is the console's own: the API repeats it in the user's language. */
  readonly text?: ErrorText;
  /** Field messages of the console's own, likewise repeated in the user's language. */
  readonly fieldTexts?: Record<string, ErrorText[]>;

  constructor(
    code: ErrorCode,
    message: string,
    options: {
      fields?: Record<string, string[]>;
      provider?: ProviderDetail;
      retryAfterSeconds?: number;
      createdWebhook?: Webhook;
      text?: ErrorText;
      fieldTexts?: Record<string, ErrorText[]>;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.fieldTexts = options.fieldTexts;
    this.fields =
      options.fields ?? (options.fieldTexts && translateFieldTexts(options.fieldTexts, "en"));
    this.provider = options.provider;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.createdWebhook = options.createdWebhook;
    this.text = options.text;
  }

  /** An error whose message is one of the console's own (lib/i18n/messages/{en,es}/errors.json). */
  static of(
    code: ErrorCode,
    key: ErrorKey,
    values?: ErrorText["values"],
    options: Omit<ConstructorParameters<typeof AppError>[2], "text"> = {},
  ): AppError {
    return new AppError(code, translateError({ key, values }, "en"), {
      ...options,
      text: { key, values },
    });
  }

  get status(): number {
    return statusOfCode[this.code];
  }
}

/** zod issues as `{ field: [messages] }`, for 422 replies and form errors. */
export function fieldsOfZodError(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) {
    return AppError.of("invalid_fields", "fieldsInvalid", undefined, {
      fields: fieldsOfZodError(error),
    });
  }
  return AppError.of("internal", "internal", undefined, { cause: error });
}

/** The console's one error envelope (DESIGN.md), with its status and headers. */
export function toErrorResponse(error: unknown, requestId: string) {
  const appError = toAppError(error);
  const body: ErrorEnvelope = {
    error: {
      code: appError.code,
      message: appError.message,
      ...(appError.fields ? { fields: appError.fields } : {}),
      requestId,
      ...(appError.provider ? { provider: appError.provider } : {}),
      ...(appError.createdWebhook ? { webhook: appError.createdWebhook } : {}),
    },
  };
  const headers: Record<string, string> = { "x-request-id": requestId };
  if (appError.retryAfterSeconds !== undefined)
    headers["retry-after"] = String(appError.retryAfterSeconds);
  return { status: appError.status, body, headers, appError };
}
