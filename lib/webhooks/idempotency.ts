import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { and, eq, lte, or, sql } from "drizzle-orm";
import { canonicalJson } from "@/lib/audit/hash";
import { getDb } from "@/lib/db";
import { idempotencyKey } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { AppError, type ErrorKey } from "@/lib/http/errors";
import { logError } from "@/lib/http/log";
import { createLeaseMs } from "./create-flight";

/**
 * Idempotency keys for creates. A script or the form sends `Idempotency-Key`; the first request
 * with a key runs, and its reply (status and body, an error envelope too) is kept in the database
 * for 24 h, so that a repeat (a retry after a lost reply, a double submit) gets the same reply
 * without a second call to the provider. The row, not memory, decides: every instance sees it.
 */

export const IDEMPOTENCY_KEY_HEADER = "idempotency-key";
/** Set on a reply that repeats the first one. */
export const REPLAYED_HEADER = "idempotent-replayed";

const KEEP_SECONDS = 24 * 60 * 60;
/** How long a repeat waits for the first request to finish before it is told to come back. */
const WAIT_MARGIN_MS = 2_000;
const POLL_MS = 50;

// 1 to 255 visible ASCII characters (RFC 5234 VCHAR): no spaces, no controls, nothing else.
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** The request's key, or null without one; a 400 naming the header when it is malformed. */
export function idempotencyKeyOf(headers: Headers): string | null {
  const key = headers.get(IDEMPOTENCY_KEY_HEADER);
  if (key === null) return null;
  if (!KEY_PATTERN.test(key)) throw AppError.of("bad_request", "idempotencyKeyInvalid");
  return key;
}

export interface KeyedRequest {
  key: string;
  userId: string;
  provider: string;
  account: string;
  body: unknown;
  requestId: string;
}

/**
 * Runs `run` for the first request with this key and keeps its reply; a later one with the same
 * key and body gets that reply again, with the other body a 422. One that comes while the first is
 * in flight waits for its reply (up to the provider timeout and a margin), else gets 409 with
 * Retry-After. `replyOf` turns a failure into the envelope that is kept, when it is kept at all.
 */
export async function idempotent(
  request: KeyedRequest,
  run: () => Promise<Response>,
  replyOf: (error: AppError) => Response,
): Promise<Response> {
  const db = await getDb();
  const fingerprint = createHash("sha256").update(canonicalJson(request.body)).digest("hex");
  const owner = randomUUID();
  const { userId, provider, account, key } = request;
  const where = and(
    eq(idempotencyKey.userId, request.userId),
    eq(idempotencyKey.provider, request.provider),
    eq(idempotencyKey.account, request.account),
    eq(idempotencyKey.key, request.key),
  );
  await db.delete(idempotencyKey).where(lte(idempotencyKey.expiresAt, sql`now()`));

  const deadline = Date.now() + getEnv().timeoutMs + WAIT_MARGIN_MS;
  for (;;) {
    const leaseUntil = sql`now() + make_interval(secs => ${createLeaseMs() / 1000})`;
    const expiresAt = sql`now() + make_interval(secs => ${KEEP_SECONDS})`;
    const fresh = { fingerprint, owner, status: null, reply: null, leaseUntil, expiresAt };
    const [claimed] = await db
      .insert(idempotencyKey)
      .values({ userId, provider, account, key, ...fresh })
      .onConflictDoUpdate({
        target: [
          idempotencyKey.userId,
          idempotencyKey.provider,
          idempotencyKey.account,
          idempotencyKey.key,
        ],
        set: { ...fresh, createdAt: sql`now()` },
        // An expired key is free again; one left in flight by a crashed instance is free to the
        // same request once its lease is over.
        setWhere: or(
          lte(idempotencyKey.expiresAt, sql`now()`),
          and(
            sql`${idempotencyKey.status} is null`,
            lte(idempotencyKey.leaseUntil, sql`now()`),
            eq(idempotencyKey.fingerprint, fingerprint),
          ),
        ),
      })
      .returning({ owner: idempotencyKey.owner });
    if (claimed?.owner === owner) return runAndKeep(request, run, replyOf, where, owner);

    const [row] = await db.select().from(idempotencyKey).where(where);
    // Gone meanwhile: the first request failed in a way worth retrying, and let the key go.
    if (!row) continue;
    if (row.fingerprint !== fingerprint)
      throw AppError.of("invalid_fields", "idempotencyKeyReused", undefined, {
        fieldTexts: { "Idempotency-Key": [{ key: "idempotencyKeyReused" }] },
      });
    if (row.status !== null) return replay(row.status, row.reply);
    if (Date.now() >= deadline)
      throw AppError.of("conflict", "idempotencyKeyInFlight", undefined, {
        retryAfterSeconds: Math.max(1, Math.ceil(getEnv().timeoutMs / 1000)),
      });
    await sleep(POLL_MS);
  }
}

async function runAndKeep(
  request: KeyedRequest,
  run: () => Promise<Response>,
  replyOf: (error: AppError) => Response,
  where: ReturnType<typeof and>,
  owner: string,
): Promise<Response> {
  const db = await getDb();
  const mine = and(where, eq(idempotencyKey.owner, owner));
  let response: Response;
  try {
    response = await run();
  } catch (error) {
    if (!(error instanceof AppError) || !isKeptFailure(error)) {
      await db
        .delete(idempotencyKey)
        .where(mine)
        .catch((e: unknown) => logError(request.requestId, e));
      throw error;
    }
    response = replyOf(error);
  }
  const reply: unknown = response.status === 204 ? null : await response.clone().json();
  // The create happened: a failure to keep its reply is logged, not turned into an error. The row
  // then stays in flight until its lease ends, and a repeat meanwhile is told to come back.
  await db
    .update(idempotencyKey)
    .set({ status: response.status, reply, leaseUntil: sql`now()` })
    .where(mine)
    .catch((e: unknown) => logError(request.requestId, e));
  return response;
}

function replay(status: number, reply: unknown): Response {
  const headers = { [REPLAYED_HEADER]: "true" };
  return reply === null
    ? new Response(null, { status, headers })
    : Response.json(reply, { status, headers });
}

/** Failures that say the webhook was, or may have been, stored: a retry must not create it again. */
const STORED_OR_MAYBE = new Set<ErrorKey>(["createOutcomeUnknown", "conektaChildCompanyMismatch"]);

/**
 * Which failures are kept for a repeat. Kept: refusals (4xx), which the same body would get again,
 * and failures after which the webhook exists or may exist. Let go, so that a retry with the same
 * key is tried afresh: throttling, a create of the URL in flight, and provider failures that stored
 * nothing (the provider answered with an error, or a lost reply was checked and nothing was there).
 */
function isKeptFailure(error: AppError): boolean {
  if (error.createdWebhook || (error.text && STORED_OR_MAYBE.has(error.text.key))) return true;
  if (error.text?.key === "createInFlight") return false;
  return error.status < 500 && error.code !== "rate_limited";
}
