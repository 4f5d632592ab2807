import { z } from "zod";
import { isProviderId } from "@/lib/providers/catalogue";

/** The console's own model (DESIGN.md): what pages and route handlers speak, for every provider. */

/** A provider the console knows (lib/providers/catalogue.ts), by its id: `conekta`, `razorpay`. */
export const providerIdSchema = z
  .string()
  .refine(isProviderId, { error: "validation.providerUnknown" });
export type ProviderId = string;

export const pageInfoSchema = z.object({
  next: z.string().nullable(),
  previous: z.string().nullable(),
  hasMore: z.boolean(),
});
export type PageInfo = z.infer<typeof pageInfoSchema>;

export const accountSchema = z.object({
  id: z.string(),
  name: z.string(),
  provider: providerIdSchema,
  /**
   * `holding`: the provider's own account above the others (Conekta's holding company), shown under
   * its own name and marked as the holding; `account` (or absent): an account under it.
   */
  kind: z.enum(["holding", "account"]).optional(),
});
export type Account = z.infer<typeof accountSchema>;

export const accountPageSchema = z.object({ data: z.array(accountSchema), page: pageInfoSchema });
export type AccountPage = z.infer<typeof accountPageSchema>;

export const webhookSchema = z.object({
  id: z.string(),
  provider: providerIdSchema,
  account: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  active: z.boolean().nullable(),
  status: z.string().nullable(),
  hasSecret: z.boolean().nullable(),
  alertEmail: z.string().nullable(),
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type Webhook = z.infer<typeof webhookSchema>;

export const webhookPageSchema = z.object({ data: z.array(webhookSchema), page: pageInfoSchema });
export type WebhookPage = z.infer<typeof webhookPageSchema>;

/**
 * What a ping's message says, as a code the browser translates (lib/i18n/messages/{en,es}/pings.json)
 * and the values it names. The first group comes from a provider's answer, `refused_*` from a ping
 * the console would not send, the rest from a provider call that failed.
 */
export const pingMessageCodes = [
  "delivered",
  "failed_status",
  "redirect_not_followed",
  "timed_out",
  "connection_refused",
  "connection_reset",
  "host_unreachable",
  "invalid_http",
  "tls_failed",
  "request_failed",
  "unreachable",
  "sent_unconfirmed",
  "refused_port",
  "refused_private",
  "refused_scheme",
  "refused_dns",
  "provider_error",
  "provider_timeout",
  "provider_rate_limited",
  "error",
  "unknown",
] as const;
// A code this browser does not know (a stored row from another version) reads as "unknown".
export const pingMessageCodeSchema = z.enum(pingMessageCodes).catch("unknown");
export type PingMessageCode = (typeof pingMessageCodes)[number];
export const pingMessageValuesSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type PingMessageValues = z.infer<typeof pingMessageValuesSchema>;

export const pingOutcomeSchema = z.enum(["delivered", "failed", "sent"]);

/** What a provider adapter reports of a ping: the outcome and a message code, no text. */
export const pingReportSchema = z.object({
  outcome: pingOutcomeSchema,
  httpStatus: z.number().int().nullable(),
  latencyMs: z.number().nullable(),
  messageCode: pingMessageCodeSchema,
  messageValues: pingMessageValuesSchema,
  at: z.string(),
  /** The start of what the endpoint answered (lib/webhooks/response-excerpt.ts), when it said anything. */
  responseExcerpt: z.string().nullish(),
});
export type PingReport = z.infer<typeof pingReportSchema>;

/** The ping API's reply: the report, plus its message in English for scripts. */
export const pingResultSchema = pingReportSchema.extend({ message: z.string() });
export type PingResult = z.infer<typeof pingResultSchema>;

/**
 * A stored ping (Last ping, Recent pings). `error` is a ping whose provider call failed or that the
 * console refused to send; its message code says why. `by` is the sender's email at the time.
 */
export const pingSummarySchema = pingReportSchema.extend({
  outcome: z.enum([...pingOutcomeSchema.options, "error"]),
  by: z.string().nullable(),
});
export type PingSummary = z.infer<typeof pingSummarySchema>;
export type PingSummaryOutcome = PingSummary["outcome"];

export const errorCodes = [
  "bad_request",
  "unauthorized",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "conflict",
  "payload_too_large",
  "uri_too_long",
  "headers_too_large",
  "unsupported_media_type",
  "invalid_fields",
  "rate_limited",
  "provider_error",
  "provider_timeout",
  "internal",
] as const;
export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
    requestId: z.string(),
    provider: z
      .object({
        status: z.number().nullable(),
        code: z.string().nullable(),
        message: z.string().nullable(),
        logId: z.string().optional(),
      })
      .optional(),
    /** Set when a create half-succeeded: the webhook exists, without its events. */
    webhook: webhookSchema.optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

/** A page of the list as the console API sends it: the page, the count against the limit, pings. */
export const webhookListSchema = webhookPageSchema.extend({
  quota: z.object({ used: z.number(), max: z.number() }),
  /** The newest ping of each webhook on the page; absent for a webhook never pinged. */
  lastPings: z.record(z.string(), pingSummarySchema),
  eventTotal: z.number(),
});
export type WebhookList = z.infer<typeof webhookListSchema>;
