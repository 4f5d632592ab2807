import "server-only";
import { responseExcerpt } from "@/lib/webhooks/response-excerpt";
import { setTimeout as sleep } from "node:timers/promises";
import type { PingReport } from "@/lib/webhooks/model";
import type { ConektaClient, ConektaScope } from "./client";
import { conektaEventListSchema, conektaWebhookSchema, type ConektaEvent } from "./schemas";

export interface PingTiming {
  /** How long to follow the ping's delivery log before answering "sent". */
  followMs: number;
  /** The waits before each look at the log: quick at first, the last one repeated. */
  pollMs: number | readonly number[];
}

/**
 * Conekta delivers a ping within milliseconds on a quiet day: look soon and often at first, then
 * back off, so the answer comes about as fast as the delivery without a poll storm when it is slow.
 */
export const DEFAULT_PING_TIMING: PingTiming = {
  followMs: 4_000,
  pollMs: [25, 50, 100, 200, 400],
};

/** The wait before the `n`th look (0 first). */
export function pollDelay({ pollMs }: PingTiming, n: number): number {
  if (typeof pollMs === "number") return pollMs;
  return pollMs[Math.min(n, pollMs.length - 1)] ?? 400;
}

/**
 * Conekta's test endpoint only queues a `webhook_ping` event (and returns the webhook, not the
 * delivery). Its outcome shows in that event's `webhook_logs`, so we follow the newest ping events
 * for a few seconds and report the endpoint's HTTP status once a log for this URL appears. Ping
 * events that existed before this ping are noted, so an earlier ping of the same URL (a
 * colleague's, a second ago) is never taken for this one.
 */
export async function pingConektaWebhook(
  client: ConektaClient,
  scope: ConektaScope,
  id: string,
  timing: PingTiming = DEFAULT_PING_TIMING,
): Promise<PingReport> {
  const started = Date.now();
  // Conekta's clock and ours may differ by a little; a ping event from just before counts too.
  const since = Math.floor(started / 1000) - 2;
  const recentEvents = () =>
    client.send(conektaEventListSchema, () =>
      client.raw.GET("/events", {
        params: { query: { limit: 20 } },
        headers: client.headersFor(scope),
      }),
    );
  // The events that exist already are read alongside the test call, not before it: one round trip
  // less. The read is sent first, so Conekta nearly always answers it before it stores this ping's
  // event; should it not, this ping's own event counts as earlier and the answer is "sent".
  const [before, webhook] = await Promise.all([
    recentEvents(),
    client.send(conektaWebhookSchema, () =>
      // No body at all: a strict server answers a test with a body with 415.
      client.raw.POST("/webhooks/{id}/test", {
        params: { path: { id } },
        headers: client.headersFor(scope),
      }),
    ),
  ]);
  const earlier = new Set(before.data.map((event) => event.id));

  for (let look = 0; Date.now() - started < timing.followMs; look++) {
    await sleep(pollDelay(timing, look));
    const events = (await recentEvents()).data.filter((event) => !earlier.has(event.id));
    const log = findPingLog(events, webhook.url, since);
    // Before (or without) an answer Conekta reports the status as -1 rather than null.
    if (log?.last_http_response_status != null && log.last_http_response_status > 0) {
      const status = log.last_http_response_status;
      const delivered = status >= 200 && status < 300;
      return {
        outcome: delivered ? "delivered" : "failed",
        httpStatus: status,
        latencyMs: null,
        messageCode: delivered ? "delivered" : "failed_status",
        messageValues: { status },
        responseExcerpt: responseExcerpt(log.response_data),
        at: new Date().toISOString(),
      };
    }
    if (log && (log.failed_attempts ?? 0) > 0) {
      return {
        outcome: "failed",
        httpStatus: null,
        latencyMs: null,
        messageCode: "unreachable",
        messageValues: { provider: "Conekta" },
        at: new Date().toISOString(),
      };
    }
  }
  return {
    outcome: "sent",
    httpStatus: null,
    latencyMs: null,
    messageCode: "sent_unconfirmed",
    messageValues: { provider: "Conekta" },
    at: new Date().toISOString(),
  };
}

function findPingLog(events: ConektaEvent[], url: string, since: number) {
  for (const event of events) {
    if (event.type !== "webhook_ping" || (event.created_at ?? 0) < since) continue;
    const log = event.webhook_logs?.find((l) => l.url === url);
    if (log) return log;
  }
  return undefined;
}
