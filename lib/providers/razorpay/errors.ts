import "server-only";
import { AppError } from "@/lib/http/errors";
import { retryAfterSeconds, type ReplyHeaders } from "@/lib/providers/request";
import { razorpayErrorSchema } from "./schemas";

const INVALID_EVENTS = /^Invalid event name\/names:\s*(.+)$/i;
// "The id provided does not exist" for an unknown id, and the router's "The requested URL was not
// found on the server." for a path it does not know. The console builds every path itself and only
// the account and webhook id in it vary, so the router's answer too means that an id names nothing.
const NOT_FOUND = /does not exist|not found/i;
const LIMIT = /maximum.*webhooks|webhooks? limit/i;

/**
 * Razorpay's `field` in the console's words: the form and the envelope say `alertEmail`, and the
 * list API's `limit` and `cursor` are what the adapter sends as `count` and `skip`.
 */
const CONSOLE_FIELDS: Record<string, string> = {
  alert_email: "alertEmail",
  count: "limit",
  skip: "cursor",
};

/** Maps a Razorpay error reply to the console's codes, keeping Razorpay's words for support. */
export function toRazorpayAppError(status: number, body: unknown, headers: ReplyHeaders): AppError {
  const parsed = razorpayErrorSchema.safeParse(body);
  const error = parsed.success ? parsed.data.error : {};
  const description = error.description ?? null;
  const provider = { status, code: error.code ?? null, message: description };

  if (status === 401) {
    // The user did nothing wrong: the partner keys the console holds are wrong or revoked.
    return AppError.of("provider_error", "razorpayKeysRefused", undefined, { provider });
  }
  if (status === 429) {
    return AppError.of(
      "rate_limited",
      "providerThrottled",
      { provider: "Razorpay" },
      {
        provider,
        retryAfterSeconds: retryAfterSeconds(headers) ?? 5,
      },
    );
  }
  if (status >= 500 || !parsed.success) {
    // A 5xx, or a reply that is not Razorpay's envelope (a proxy's HTML page): Razorpay failed.
    return AppError.of(
      "provider_error",
      "providerFailed",
      { provider: "Razorpay", status },
      {
        provider,
      },
    );
  }
  const message = description ?? "Razorpay refused the request.";
  const invalidEvents = description ? INVALID_EVENTS.exec(description) : null;
  if (invalidEvents?.[1]) {
    const names = invalidEvents[1]
      .split(",")
      .map((n) => n.trim())
      .filter(Boolean);
    return new AppError("invalid_fields", message, {
      provider,
      fieldTexts: {
        events: names.map((name) => ({ key: "eventNotOffered" as const, values: { name } })),
      },
    });
  }
  if (description && LIMIT.test(description))
    return new AppError("conflict", message, { provider });
  if (error.field)
    return new AppError("invalid_fields", message, {
      provider,
      fields: { [CONSOLE_FIELDS[error.field] ?? error.field]: [message] },
    });
  if (description && NOT_FOUND.test(description))
    return new AppError("not_found", message, { provider });
  return new AppError("bad_request", message, { provider });
}
