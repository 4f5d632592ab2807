import type { EventGroup } from "@/lib/webhooks/schemas";

/**
 * Conekta publishes no event enum; the fullest list is the 67 names in its 2.1.0 spec's mock data
 * (PROVIDERS.md). The console offers these, grouped by their first segment.
 */
export const CONEKTA_EVENTS = [
  "charge.created",
  "charge.paid",
  "charge.under_fraud_review",
  "charge.fraudulent",
  "charge.refunded",
  "charge.preauthorized",
  "charge.declined",
  "charge.canceled",
  "charge.reversed",
  "charge.pending_confirmation",
  "charge.expired",
  "charge.score_updated",
  "charge.chargeback.created",
  "charge.chargeback.updated",
  "charge.chargeback.under_review",
  "charge.chargeback.lost",
  "charge.chargeback.won",
  "customer.created",
  "customer.updated",
  "customer.deleted",
  "customer.payment_source.card.blocked",
  "webhook.created",
  "webhook.updated",
  "webhook.deleted",
  "payout.created",
  "payout.retrying",
  "payout.paid_out",
  "payout.failed",
  "plan.created",
  "plan.updated",
  "plan.deleted",
  "subscription.created",
  "subscription.paused",
  "subscription.resumed",
  "subscription.canceled",
  "subscription.expired",
  "subscription.updated",
  "subscription.paid",
  "subscription.payment_failed",
  "payee.created",
  "payee.updated",
  "payee.deleted",
  "payee.payout_method.created",
  "payee.payout_method.updated",
  "payee.payout_method.deleted",
  "receipt.created",
  "order.canceled",
  "order.charged_back",
  "order.created",
  "order.expired",
  "order.fraudulent",
  "order.under_fraud_review",
  "order.paid",
  "order.partially_refunded",
  "order.pending_payment",
  "order.pre_authorized",
  "order.refunded",
  "order.updated",
  "order.voided",
  "order.declined",
  "cashout.canceled",
  "cashout.confirmed",
  "cash_refund.created",
  "cash_refund.canceled",
  "cash_refund.refunded",
  "cash_refund.expired",
  "webhook_ping",
] as const;

/** Groups event names by the part before the first dot, keeping the catalogue's order. */
export function groupByPrefix(events: readonly string[]): EventGroup[] {
  const groups = new Map<string, string[]>();
  for (const event of events) {
    const prefix = event.split(".")[0] ?? event;
    groups.set(prefix, [...(groups.get(prefix) ?? []), event]);
  }
  return [...groups].map(([id, names]) => ({ id, events: names }));
}
