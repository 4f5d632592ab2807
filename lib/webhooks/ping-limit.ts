import "server-only";
import type { Actor } from "@/lib/auth/session";
import { hitRateLimit } from "@/lib/db/rate-limit";
import { AppError } from "@/lib/http/errors";
import type { ProviderId } from "./model";

/**
 * Every ping is a real request to someone's endpoint (Razorpay's is sent by our own server), so the
 * console must not become a way to flood one: 10 pings a minute per user and webhook. The counts
 * live in the database, so the limit holds across every instance behind a load balancer.
 */
export const PING_LIMIT = { limit: 10, windowMs: 60_000 } as const;

export async function limitPings(
  actor: Actor,
  provider: ProviderId,
  account: string,
  webhookId: string,
): Promise<void> {
  // The route wrapper lets only signed-in users this far; a ping with no one to count is refused.
  const user = actor.user;
  if (!user) throw AppError.of("unauthorized", "signInRequired");
  const { allowed, retryAfterSeconds } = await hitRateLimit(
    `ping:${user.id}:${provider}:${account}:${webhookId}`,
    PING_LIMIT,
  );
  if (!allowed) {
    throw AppError.of(
      "rate_limited",
      "pingRateLimited",
      { seconds: retryAfterSeconds },
      { retryAfterSeconds },
    );
  }
}
