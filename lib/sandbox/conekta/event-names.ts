import { CONEKTA_EVENTS } from "../../providers/conekta/events";

/**
 * The event names Conekta's 2.1.0 spec shows (its mock data holds the fullest list, 67 names; the
 * spec has no enum). The sandbox refuses any other name in `PUT /webhooks/{id}` `events`, so that a
 * typo in the console shows up in development instead of silently subscribing to nothing.
 */
// The names are the provider's facts and live with the adapter; the sandbox enforces them.
export const CONEKTA_EVENT_NAMES = CONEKTA_EVENTS;

const KNOWN = new Set<string>(CONEKTA_EVENT_NAMES);

export function isConektaEventName(name: string): boolean {
  return KNOWN.has(name);
}

/**
 * What a webhook created at 2.1.0 (which takes no events) is subscribed to: every event except
 * `webhook_ping`, which is not subscribed to but sent by `POST /webhooks/{id}/test`.
 */
export const DEFAULT_SUBSCRIBED_EVENTS: readonly string[] = CONEKTA_EVENT_NAMES.filter(
  (name) => name !== "webhook_ping",
);
