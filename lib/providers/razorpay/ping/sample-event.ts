import { randomInt } from "node:crypto";

/**
 * A sample event in Razorpay's delivery format (PROVIDERS.md, Razorpay "Delivery"), so a receiver's
 * parser sees the shape it will see in production. Every entity is plainly marked as a test — ids
 * `..._ConsoleTestPing` and `notes.console_test_ping` — so that no receiver mistakes it for money.
 */

export const TEST_PING_NOTE = { console_test_ping: "true" } as const;

type Fields = Record<string, string | number | boolean | null>;

interface EntityTemplate {
  idPrefix: string;
  fields: Fields;
}

const PAYMENT_ID = "pay_ConsoleTestPing";
const money = { amount: 100, currency: "INR" } as const;

const entities: Record<string, EntityTemplate> = {
  payment: { idPrefix: "pay", fields: { ...money, status: "captured", method: "card" } },
  refund: { idPrefix: "rfnd", fields: { ...money, payment_id: PAYMENT_ID, status: "processed" } },
  order: { idPrefix: "order", fields: { ...money, status: "paid" } },
  invoice: { idPrefix: "inv", fields: { ...money, status: "paid" } },
  payment_link: { idPrefix: "plink", fields: { ...money, status: "paid" } },
  subscription: { idPrefix: "sub", fields: { status: "active" } },
  settlement: { idPrefix: "setl", fields: { amount: 100, status: "processed" } },
  transfer: { idPrefix: "trf", fields: { ...money, source: PAYMENT_ID } },
  qr_code: { idPrefix: "qr", fields: { status: "active" } },
  virtual_account: { idPrefix: "va", fields: { status: "active" } },
  fund_account: { idPrefix: "fa", fields: { account_type: "bank_account", active: true } },
  dispute: { idPrefix: "disp", fields: { ...money, payment_id: PAYMENT_ID, status: "open" } },
  "payment.downtime": { idPrefix: "down", fields: { method: "card", status: "started" } },
};

/** Longest prefix first: `payment.dispute.*` and `payment.downtime.*` are not plain payments. */
const containsByPrefix: [prefix: string, contains: string[]][] = [
  ["payment.dispute.", ["payment", "dispute"]],
  ["payment.downtime.", ["payment.downtime"]],
  ["payment_link.", ["payment_link"]],
  ["payment.", ["payment"]],
  ["refund.", ["refund"]],
  ["order.", ["order"]],
  ["invoice.", ["invoice"]],
  ["subscription.", ["subscription"]],
  ["settlement.", ["settlement"]],
  ["transfer.", ["transfer"]],
  ["qr_code.", ["qr_code"]],
  ["virtual_account.", ["virtual_account"]],
  ["fund_account.", ["fund_account"]],
];

/** The entities an event carries; an event outside the table carries the entity its name starts with. */
export function entitiesOfEvent(event: string): string[] {
  const match = containsByPrefix.find(([prefix]) => event.startsWith(prefix));
  if (match) return match[1];
  const head = event.split(".")[0] ?? "";
  return [/^[a-z_]+$/.test(head) ? head : "payment"];
}

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** `evt_` and 14 base62 characters, the shape of Razorpay's own ids. */
export function createEventId(): string {
  let id = "evt_";
  for (let i = 0; i < 14; i++) id += BASE62[randomInt(BASE62.length)];
  return id;
}

export interface SampleEvent {
  /** For `X-Razorpay-Event-Id`. */
  eventId: string;
  /** Compact JSON: the exact bytes to send and to sign. */
  body: string;
}

export function buildSampleEvent(input: {
  accountId: string;
  event: string;
  now: Date;
}): SampleEvent {
  const createdAt = Math.floor(input.now.getTime() / 1000);
  const contains = entitiesOfEvent(input.event);
  const payload: Record<string, { entity: Record<string, unknown> }> = {};
  for (const name of contains) {
    const template = entities[name] ?? {
      idPrefix: name.replace(/[^a-z]/g, "") || "ent",
      fields: {},
    };
    payload[name] = {
      entity: {
        id: `${template.idPrefix}_ConsoleTestPing`,
        entity: name,
        ...template.fields,
        notes: { ...TEST_PING_NOTE },
        created_at: createdAt,
      },
    };
  }
  const body = JSON.stringify({
    entity: "event",
    account_id: input.accountId,
    event: input.event,
    contains,
    payload,
    created_at: createdAt,
  });
  return { eventId: createEventId(), body };
}
