/**
 * The sandbox's view of Razorpay's event catalogue: the list itself is the provider's fact and lives
 * with the adapter (lib/providers/razorpay/events.ts); here is what one merchant may subscribe to.
 */
import {
  RAZORPAY_EVENT_GROUPS,
  type RazorpayEventGroup,
  type RazorpayFeature,
} from "../../providers/razorpay/events";

export { RAZORPAY_EVENT_GROUPS, type RazorpayFeature };

/** Every event name Razorpay knows, whatever the merchant's features. */
export const RAZORPAY_EVENTS: readonly string[] = RAZORPAY_EVENT_GROUPS.flatMap((g) => g.events);

/** The event names one merchant may subscribe to, given its enabled features. */
export function listAllowedEvents(features: readonly RazorpayFeature[]): ReadonlySet<string> {
  const groups: readonly RazorpayEventGroup[] = RAZORPAY_EVENT_GROUPS;
  return new Set(
    groups.filter((g) => !g.feature || features.includes(g.feature)).flatMap((g) => g.events),
  );
}
