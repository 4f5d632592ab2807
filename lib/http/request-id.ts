import { randomUUID } from "node:crypto";

/**
 * The request id of a reply and its log lines: the caller's `X-Request-Id` when it is a plain
 * token, so that a script can follow its own requests, else a fresh one. Anything else is
 * replaced, never copied: a forged id could write fake lines into the log.
 */
export function requestIdFrom(given: string | null | undefined): string {
  return given && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID();
}
