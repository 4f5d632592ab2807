import { createWebhookLogId, unixSeconds } from "./ids";
import {
  LIVEMODE,
  toEvent,
  type EventRecord,
  type WebhookLogRecord,
  type WebhookRecord,
} from "./resources";
import type { WebhookSigner } from "./signing";

/** Long enough that the 6 s demo receiver (`/receivers/slow`) still gets through, late. */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** `response_data` has `maxProperties: 100` in the spec. */
const MAX_RESPONSE_PROPERTIES = 100;
const MAX_RESPONSE_TEXT = 500;

/**
 * The `webhook_ping` event that `POST /webhooks/{id}/test` records: pending, with one webhook log
 * in the state Conekta shows before an attempt (`last_http_response_status: -1`,
 * `last_attempted_at: 0`, no failed attempts).
 */
export function createPingEvent(id: string, webhook: WebhookRecord, now: Date): EventRecord {
  return {
    id,
    companyId: webhook.companyId,
    createdAt: unixSeconds(now),
    type: "webhook_ping",
    data: { action: "ping", livemode: LIVEMODE },
    webhookStatus: "pending",
    logs: [
      {
        id: createWebhookLogId(),
        url: webhook.url,
        failedAttempts: 0,
        lastAttemptedAt: 0,
        lastHttpResponseStatus: -1,
      },
    ],
  };
}

/**
 * POSTs the event, as it stands when sent (pending, like real deliveries), to each of its logs'
 * URLs, signed in `DIGEST`, and records the outcome in the log and the event. One attempt: the
 * sandbox does not retry (Conekta retries failed deliveries for days). A network error or a
 * timeout leaves `last_http_response_status` at -1 (the spec's integer is not nullable) and
 * counts a failed attempt.
 */
export async function deliverEvent(
  event: EventRecord,
  signer: WebhookSigner,
  now: () => Date,
): Promise<void> {
  const body = JSON.stringify(toEvent(event));
  const digest = signer.sign(body);
  const outcomes = await Promise.all(event.logs.map((log) => deliverTo(log, body, digest, now)));
  event.webhookStatus = outcomes.every(Boolean) ? "successful" : "failed";
}

async function deliverTo(
  log: WebhookLogRecord,
  body: string,
  digest: string,
  now: () => Date,
): Promise<boolean> {
  const { target, authorization } = splitCredentials(log.url);
  try {
    const response = await fetch(target, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        "user-agent": "Conekta-Webhook-Sandbox/2.1.0",
        digest,
        ...(authorization ? { authorization } : {}),
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    const text = await response.text();
    const ok = response.status >= 200 && response.status < 300;
    settle(log, now, { status: response.status, data: toResponseData(text), failed: !ok });
    return ok;
  } catch (error) {
    const reason =
      error instanceof Error && error.name === "TimeoutError" ? "timeout" : describe(error);
    settle(log, now, { status: -1, data: { error: reason }, failed: true });
    return false;
  }
}

function settle(
  log: WebhookLogRecord,
  now: () => Date,
  outcome: { status: number; data: Record<string, unknown>; failed: boolean },
) {
  log.lastAttemptedAt = unixSeconds(now());
  log.lastHttpResponseStatus = outcome.status;
  log.responseData = outcome.data;
  if (outcome.failed) log.failedAttempts += 1;
}

/**
 * Webhook URLs may carry `user:password@` (the spec's example does). `fetch` refuses such URLs,
 * so the credentials go into a Basic `Authorization` header, as curl and browsers send them.
 */
function splitCredentials(url: string): { target: string; authorization?: string } {
  const parsed = new URL(url);
  if (!parsed.username && !parsed.password) return { target: url };
  const user = decodeURIComponent(parsed.username);
  const password = decodeURIComponent(parsed.password);
  parsed.username = "";
  parsed.password = "";
  const token = Buffer.from(`${user}:${password}`).toString("base64");
  return { target: parsed.toString(), authorization: `Basic ${token}` };
}

/** The receiver's reply as `response_data`: its JSON object, else its text under `body`. */
function toResponseData(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) {
      return Object.fromEntries(Object.entries(parsed).slice(0, MAX_RESPONSE_PROPERTIES));
    }
  } catch {
    // Not JSON: keep the start of the text.
  }
  return text === "" ? {} : { body: text.slice(0, MAX_RESPONSE_TEXT) };
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    const code =
      cause && typeof cause === "object" && "code" in cause ? String(cause.code) : undefined;
    return code ?? error.message;
  }
  return String(error);
}
