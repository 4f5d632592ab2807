/**
 * The events a Razorpay sub-merchant webhook can subscribe to (PROVIDERS.md). Razorpay's allowed set
 * varies per merchant: the standard groups are open to every account, the others only to accounts
 * with the feature switched on. The console's event picker and the sandbox both read this list.
 */

export type RazorpayFeature =
  "subscriptions" | "settlements" | "route" | "qr_codes" | "virtual_accounts";

export interface RazorpayEventGroup {
  /** Stable key, e.g. for a form field group. */
  key: string;
  label: string;
  /** `undefined` for standard events; otherwise the merchant feature that unlocks the group. */
  feature?: RazorpayFeature;
  events: readonly string[];
}

export const RAZORPAY_EVENT_GROUPS = [
  {
    key: "payments",
    label: "Payments",
    events: ["payment.authorized", "payment.captured", "payment.failed"],
  },
  { key: "orders", label: "Orders", events: ["order.paid"] },
  {
    key: "downtime",
    label: "Payment downtime",
    events: ["payment.downtime.started", "payment.downtime.updated", "payment.downtime.resolved"],
  },
  {
    key: "refunds",
    label: "Refunds",
    events: ["refund.created", "refund.processed", "refund.failed", "refund.speed_changed"],
  },
  {
    key: "disputes",
    label: "Disputes",
    events: [
      "payment.dispute.created",
      "payment.dispute.won",
      "payment.dispute.lost",
      "payment.dispute.closed",
      "payment.dispute.under_review",
      "payment.dispute.action_required",
    ],
  },
  {
    key: "invoices",
    label: "Invoices",
    events: ["invoice.paid", "invoice.partially_paid", "invoice.expired"],
  },
  {
    key: "payment_links",
    label: "Payment links",
    events: [
      "payment_link.paid",
      "payment_link.partially_paid",
      "payment_link.cancelled",
      "payment_link.expired",
    ],
  },
  {
    key: "fund_accounts",
    label: "Fund accounts",
    events: ["fund_account.validation.completed", "fund_account.validation.failed"],
  },
  {
    key: "subscriptions",
    label: "Subscriptions",
    feature: "subscriptions",
    events: [
      "subscription.authenticated",
      "subscription.activated",
      "subscription.charged",
      "subscription.completed",
      "subscription.updated",
      "subscription.pending",
      "subscription.halted",
      "subscription.cancelled",
      "subscription.paused",
      "subscription.resumed",
    ],
  },
  {
    key: "settlements",
    label: "Settlements",
    feature: "settlements",
    events: ["settlement.processed"],
  },
  {
    key: "transfers",
    label: "Transfers (Route)",
    feature: "route",
    events: ["transfer.processed", "transfer.failed"],
  },
  {
    key: "qr_codes",
    label: "QR codes",
    feature: "qr_codes",
    events: ["qr_code.created", "qr_code.credited", "qr_code.closed"],
  },
  {
    key: "virtual_accounts",
    label: "Virtual accounts (Smart Collect)",
    feature: "virtual_accounts",
    events: ["virtual_account.created", "virtual_account.credited", "virtual_account.closed"],
  },
] as const satisfies readonly RazorpayEventGroup[];
