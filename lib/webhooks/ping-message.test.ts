import { describe, expect, it } from "vitest";
import { messages } from "@/lib/i18n/messages";
import { pingMessageCodes, pingSummarySchema } from "./model";
import { describePing, toPingResult } from "./ping-message";

describe("ping messages", () => {
  it.each(["en", "es"] as const)("has a %s text for every message code", (language) => {
    expect(Object.keys(messages[language].pings.messages).sort()).toEqual(
      [...pingMessageCodes].sort(),
    );
  });

  it.each([
    [
      { messageCode: "delivered", messageValues: { status: 200 } },
      "en",
      "The endpoint answered HTTP 200.",
    ],
    [
      { messageCode: "delivered", messageValues: { status: 200 } },
      "es",
      "El endpoint respondió HTTP 200.",
    ],
    [
      { messageCode: "timed_out", messageValues: { seconds: 0.3 } },
      "es",
      "El endpoint no respondió en 0,3 s; el ping agotó el tiempo.",
    ],
    [
      { messageCode: "tls_failed", messageValues: { host: "a.example", code: "EPROTO" } },
      "en",
      "The TLS handshake with a.example failed (EPROTO).",
    ],
    [
      { messageCode: "request_failed", messageValues: { host: "a.example", code: "none" } },
      "en",
      "The request to a.example failed.",
    ],
    [
      { messageCode: "sent_unconfirmed", messageValues: { provider: "Conekta" } },
      "en",
      "Conekta accepted the ping but has not reported its delivery yet.",
    ],
  ] as const)("words %j in %s", (message, language, text) => {
    expect(describePing(message, language)).toBe(text);
  });

  it("keeps an English message in the API's reply, for scripts", () => {
    const result = toPingResult({
      outcome: "failed",
      httpStatus: 500,
      latencyMs: 12,
      messageCode: "failed_status",
      messageValues: { status: 500 },
      at: "2026-01-01T00:00:00.000Z",
    });
    expect(result.message).toBe("The endpoint answered HTTP 500.");
  });

  it("reads a stored code this version does not know as unknown, not as an error", () => {
    const summary = pingSummarySchema.parse({
      outcome: "failed",
      httpStatus: null,
      latencyMs: null,
      messageCode: "renamed_in_a_later_version",
      messageValues: {},
      at: "2026-01-01T00:00:00.000Z",
      by: null,
    });
    expect(summary.messageCode).toBe("unknown");
  });
});
