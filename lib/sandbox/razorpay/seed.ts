import { SANDBOX_RAZORPAY_ACCOUNTS } from "../defaults";
import type { RazorpayFeature } from "./events";
import type { RazorpayStore } from "./store";

/**
 * Demo data: three sub-merchants. Tienda Aurora has 14 webhooks (two pages at the default count of
 * 10) created over six weeks, some with secrets and one switched off; Mumbai Spices has 3; Empty
 * Books has none. Seeded URLs point at the sandbox's demo receivers, so they skip the URL rules.
 */

const [aurora, spices, empty] = SANDBOX_RAZORPAY_ACCOUNTS;

const FEATURES: Record<string, readonly RazorpayFeature[]> = {
  // Subscriptions are on for this account only, so tests can see the allowed set differ.
  [aurora.id]: ["subscriptions", "settlements", "route"],
  [spices.id]: ["qr_codes", "virtual_accounts"],
  [empty.id]: [],
};

/** The secret of the seeded webhook tests sign deliveries with. */
export const RAZORPAY_SEED_SECRET = "aurora_payments_s3cret";

export const RAZORPAY_SEED = {
  accounts: { aurora: aurora.id, spices: spices.id, empty: empty.id },
  webhooks: {
    auroraPayments: "HwP4yQ7sLm2Tz1",
    auroraOrders: "HwQ8rT2vNp5Kd3",
    auroraRefunds: "Hx1bC6dE9fG2hJ",
    auroraDisputes: "Hy3kL5mN7pQ9rS",
    auroraSubscriptions: "Hz5tU7vW9xY1zA",
    auroraSettlements: "I02bC4dE6fG8hJ",
    auroraInactive: "I1kL3mN5pQ7rS9",
    auroraInvoices: "I2tU4vW6xY8zA0",
    auroraPaymentLinks: "I3cD5eF7gH9jK1",
    auroraDowntime: "I4mN6pQ8rS0tU2",
    auroraTransfers: "I5vW7xY9zA1bC3",
    auroraFundAccounts: "I6eF8gH0jK2mN4",
    auroraSlowPayments: "I7pQ9rS1tU3vW5",
    auroraEverything: "I8xY0zA2bC4dE6",
    spicesPayments: "JmS1pC2eS3hO4k",
    spicesQrCodes: "JmS5qR6cO7dE8s",
    spicesVirtualAccounts: "JmS9vA0cC1oU2n",
  },
  /** A webhook with a secret, for signing tests: its URL is `${sandbox.url}${path}`. */
  signed: {
    accountId: aurora.id,
    webhookId: "HwP4yQ7sLm2Tz1",
    path: "/receivers/ok/aurora-payments",
    secret: RAZORPAY_SEED_SECRET,
  },
  /** How many days before the seeding each Tienda Aurora webhook was created, newest last. */
  auroraDaysAgo: [40, 38, 35, 33, 30, 27, 24, 21, 18, 14, 10, 7, 3, 1],
} as const;

type SeedKey = keyof typeof RAZORPAY_SEED.webhooks;

interface SeedWebhook {
  key: SeedKey;
  account: string;
  daysAgo: number;
  /** Below `/receivers/`: `ok/...`, `fail/...` or `slow/...`. */
  receiver: string;
  events: string[];
  secret?: string;
  alertEmail?: string;
  active?: false;
}

const AURORA_EMAIL = "ops@tienda-aurora.example";
const [d0, d1, d2, d3, d4, d5, d6, d7, d8, d9, d10, d11, d12, d13] = RAZORPAY_SEED.auroraDaysAgo;

const SEED_WEBHOOKS: SeedWebhook[] = [
  {
    key: "auroraPayments",
    account: aurora.id,
    daysAgo: d0,
    receiver: "ok/aurora-payments",
    events: ["payment.authorized", "payment.captured", "payment.failed"],
    secret: RAZORPAY_SEED_SECRET,
    alertEmail: AURORA_EMAIL,
  },
  {
    key: "auroraOrders",
    account: aurora.id,
    daysAgo: d1,
    receiver: "ok/aurora-orders",
    events: ["order.paid"],
  },
  {
    key: "auroraRefunds",
    account: aurora.id,
    daysAgo: d2,
    receiver: "ok/aurora-refunds",
    events: ["refund.created", "refund.processed", "refund.failed"],
    secret: "aurora_refunds_s3cret",
    alertEmail: AURORA_EMAIL,
  },
  {
    key: "auroraDisputes",
    account: aurora.id,
    daysAgo: d3,
    receiver: "fail/aurora-disputes",
    events: ["payment.dispute.created", "payment.dispute.lost", "payment.dispute.won"],
    alertEmail: "disputes@tienda-aurora.example",
  },
  {
    key: "auroraSubscriptions",
    account: aurora.id,
    daysAgo: d4,
    receiver: "ok/aurora-subscriptions",
    events: ["subscription.activated", "subscription.charged", "subscription.cancelled"],
  },
  {
    key: "auroraSettlements",
    account: aurora.id,
    daysAgo: d5,
    receiver: "slow/aurora-settlements",
    events: ["settlement.processed"],
  },
  {
    key: "auroraInactive",
    account: aurora.id,
    daysAgo: d6,
    receiver: "fail/aurora-legacy",
    events: ["payment.captured"],
    alertEmail: AURORA_EMAIL,
    active: false,
  },
  {
    key: "auroraInvoices",
    account: aurora.id,
    daysAgo: d7,
    receiver: "ok/aurora-invoices",
    events: ["invoice.paid", "invoice.partially_paid", "invoice.expired"],
  },
  {
    key: "auroraPaymentLinks",
    account: aurora.id,
    daysAgo: d8,
    receiver: "ok/aurora-payment-links",
    events: ["payment_link.paid", "payment_link.expired"],
    secret: "aurora_links_s3cret",
  },
  {
    key: "auroraDowntime",
    account: aurora.id,
    daysAgo: d9,
    receiver: "ok/aurora-downtime",
    events: ["payment.downtime.started", "payment.downtime.resolved"],
  },
  {
    key: "auroraTransfers",
    account: aurora.id,
    daysAgo: d10,
    receiver: "ok/aurora-transfers",
    events: ["transfer.processed", "transfer.failed"],
  },
  {
    key: "auroraFundAccounts",
    account: aurora.id,
    daysAgo: d11,
    receiver: "fail/aurora-fund-accounts",
    events: ["fund_account.validation.completed", "fund_account.validation.failed"],
  },
  {
    key: "auroraSlowPayments",
    account: aurora.id,
    daysAgo: d12,
    receiver: "slow/aurora-payments-backup",
    events: ["payment.captured"],
  },
  {
    key: "auroraEverything",
    account: aurora.id,
    daysAgo: d13,
    receiver: "ok/aurora-everything",
    events: ["payment.captured", "order.paid", "refund.processed", "payment.dispute.created"],
    secret: "aurora_everything_s3cret",
    alertEmail: AURORA_EMAIL,
  },
  {
    key: "spicesPayments",
    account: spices.id,
    daysAgo: 20,
    receiver: "ok/spices-payments",
    events: ["payment.captured", "payment.failed"],
    secret: "spices_payments_s3cret",
    alertEmail: "accounts@mumbai-spices.example",
  },
  {
    key: "spicesQrCodes",
    account: spices.id,
    daysAgo: 12,
    receiver: "ok/spices-qr",
    events: ["qr_code.credited", "qr_code.closed"],
  },
  {
    key: "spicesVirtualAccounts",
    account: spices.id,
    daysAgo: 5,
    receiver: "fail/spices-virtual-accounts",
    events: ["virtual_account.credited"],
  },
];

const DAY = 86_400;

/**
 * Fills an empty store with the demo accounts and webhooks, dated relative to now; `extra`
 * generated webhooks in Tienda Aurora (past Razorpay's 30, which only a create checks) let a test
 * count past a page of 100.
 */
export function seedRazorpayStore(store: RazorpayStore, baseUrl: string, extra = 0): void {
  for (const account of SANDBOX_RAZORPAY_ACCOUNTS) {
    store.addAccount({ id: account.id, name: account.name, features: FEATURES[account.id] ?? [] });
  }
  const now = store.nowSeconds();
  for (const [index, seed] of SEED_WEBHOOKS.entries()) {
    // Odd hours keep creation times apart and off the day boundary.
    const createdAt = now - seed.daysAgo * DAY - ((index * 7) % 24) * 3600;
    const edited = index % 3 === 0;
    store.insert({
      id: RAZORPAY_SEED.webhooks[seed.key],
      accountId: seed.account,
      createdAt,
      updatedAt: edited ? Math.min(now, createdAt + 2 * DAY) : createdAt,
      disabledAt: seed.active === false ? Math.min(now, createdAt + 3 * DAY) : 0,
      url: `${baseUrl}/receivers/${seed.receiver}`,
      alertEmail: seed.alertEmail ?? "",
      secret: seed.secret,
      active: seed.active ?? true,
      events: seed.events,
    });
  }
  for (let n = 1; n <= extra; n++) {
    // Older than every demo webhook, so that the demo's first pages stay as they are.
    const createdAt = now - 60 * DAY - n * 60;
    store.insert({
      id: `Xtra${String(n).padStart(10, "0")}`,
      accountId: aurora.id,
      createdAt,
      updatedAt: createdAt,
      disabledAt: 0,
      url: `${baseUrl}/receivers/ok/aurora-extra-${n}`,
      alertEmail: "",
      secret: undefined,
      active: true,
      events: ["payment.captured"],
    });
  }
}
