import "server-only";
import { AppError } from "@/lib/http/errors";
import { retryAfterSeconds, type ReplyHeaders } from "@/lib/providers/request";
import { conektaErrorSchema } from "./schemas";

/** The sandbox's code for the 11th webhook; real Conekta documents none (see PROVIDERS.md). */
const LIMIT_CODES = ["conekta.errors.parameter_validation.webhook.limit_exceeded"];
// The console's form field for a Conekta parameter, where the names differ (2.2+ `subscribed_events`).
const FIELD_OF_PARAM: Record<string, string> = { subscribed_events: "events" };

/** Maps a Conekta error reply to the console's error codes, keeping Conekta's words for support. */
export function toConektaAppError(status: number, body: unknown, headers: ReplyHeaders): AppError {
  const parsed = conektaErrorSchema.safeParse(body);
  const error = parsed.success ? parsed.data : {};
  const first = error.details?.[0];
  const provider = {
    status,
    code: first?.code ?? error.type ?? null,
    message: first?.message ?? null,
    ...(error.log_id ? { logId: error.log_id } : {}),
  };
  const message = first?.message ?? "Conekta refused the request.";

  if (status === 401) {
    // The user did nothing wrong: the console's own key is missing, wrong or revoked.
    return AppError.of("provider_error", "conektaKeyRefused", undefined, { provider });
  }
  if (status === 429) {
    return AppError.of(
      "rate_limited",
      "providerThrottled",
      { provider: "Conekta" },
      {
        provider,
        retryAfterSeconds: retryAfterSeconds(headers) ?? 5,
      },
    );
  }
  if (!parsed.success) {
    // Not Conekta's error shape (a proxy's HTML page, a truncated or empty body): Conekta answered
    // nonsense, which is a 502 whatever the status, never "not found" or "invalid".
    return AppError.of(
      "provider_error",
      "providerUnreadable",
      { provider: "Conekta", status },
      { provider },
    );
  }
  if (status === 404) return new AppError("not_found", message, { provider });
  if (status === 422 || status === 400) {
    if (error.details?.some((d) => d.code !== undefined && LIMIT_CODES.includes(d.code))) {
      return new AppError("conflict", message, { provider });
    }
    const fields: Record<string, string[]> = {};
    for (const detail of error.details ?? []) {
      if (!detail.param || !detail.message) continue;
      (fields[FIELD_OF_PARAM[detail.param] ?? detail.param] ??= []).push(detail.message);
    }
    return Object.keys(fields).length > 0
      ? new AppError("invalid_fields", message, { fields, provider })
      : new AppError("bad_request", message, { provider });
  }
  if (status === 403) return new AppError("forbidden", message, { provider });
  return AppError.of(
    "provider_error",
    "providerFailed",
    { provider: "Conekta", status },
    { provider },
  );
}
