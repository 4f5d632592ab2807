import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listAllowedEvents, RAZORPAY_EVENT_GROUPS, RAZORPAY_EVENTS } from "./events";
import { RAZORPAY_SEED } from "./seed";
import { hooks, startRazorpaySandbox, type RazorpayTestSandbox } from "./test-client";

const { aurora, spices, empty } = RAZORPAY_SEED.accounts;
const URL = "https://shop.example.com/razorpay";

// PROVIDERS.md's list, written out again so a slip in the catalogue shows.
const STANDARD = [
  "payment.authorized",
  "payment.captured",
  "payment.failed",
  "order.paid",
  "payment.downtime.started",
  "payment.downtime.updated",
  "payment.downtime.resolved",
  "refund.created",
  "refund.processed",
  "refund.failed",
  "refund.speed_changed",
  "payment.dispute.created",
  "payment.dispute.won",
  "payment.dispute.lost",
  "payment.dispute.closed",
  "payment.dispute.under_review",
  "payment.dispute.action_required",
  "invoice.paid",
  "invoice.partially_paid",
  "invoice.expired",
  "payment_link.paid",
  "payment_link.partially_paid",
  "payment_link.cancelled",
  "payment_link.expired",
  "fund_account.validation.completed",
  "fund_account.validation.failed",
];
const FEATURE_DEPENDENT = [
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
  "settlement.processed",
  "transfer.processed",
  "transfer.failed",
  "qr_code.created",
  "qr_code.credited",
  "qr_code.closed",
  "virtual_account.created",
  "virtual_account.credited",
  "virtual_account.closed",
];

describe("the Razorpay event catalogue", () => {
  it("holds exactly PROVIDERS.md's events, each once", () => {
    expect([...RAZORPAY_EVENTS].sort()).toEqual([...STANDARD, ...FEATURE_DEPENDENT].sort());
  });

  it("opens the standard groups to every merchant and the others by feature", () => {
    expect([...listAllowedEvents([])].sort()).toEqual([...STANDARD].sort());
    const standardGroups = RAZORPAY_EVENT_GROUPS.filter((g) => !("feature" in g));
    expect(standardGroups.flatMap((g) => g.events).sort()).toEqual([...STANDARD].sort());
    expect(listAllowedEvents(["subscriptions"]).has("subscription.charged")).toBe(true);
    expect(listAllowedEvents(["qr_codes"]).has("subscription.charged")).toBe(false);
  });
});

describe("event validation on the Razorpay emulator", () => {
  let t: RazorpayTestSandbox;
  beforeAll(async () => {
    t = await startRazorpaySandbox({ allowLoopback: false });
  });
  beforeEach(() => t.sandbox.reset());
  afterAll(() => t.sandbox.close());

  it("accepts every standard event on every account", async () => {
    for (const account of [aurora, spices, empty]) {
      const created = await t.rz.webhook("POST", hooks(account), { url: URL, events: STANDARD });
      expect(created.events).toEqual(STANDARD);
    }
  });

  it("lists each unknown name once, in request order", async () => {
    const events = [
      "payment.captured",
      "payment.teleported",
      "order.paid",
      "refund.vanished",
      "payment.teleported",
    ];
    const reply = await t.rz.error("POST", hooks(aurora), { body: { url: URL, events } });
    expect(reply.status).toBe(400);
    expect(reply.error).toMatchObject({
      code: "BAD_REQUEST_ERROR",
      description: "Invalid event name/names: payment.teleported, refund.vanished",
      field: "events",
    });
  });

  it("reports a single bad name alone", async () => {
    const reply = await t.rz.error("POST", hooks(aurora), {
      body: { url: URL, events: ["payment.capture"] },
    });
    expect(reply.error.description).toBe("Invalid event name/names: payment.capture");
  });

  it("names entries that are not strings as they were sent", async () => {
    const reply = await t.rz.error("POST", hooks(aurora), {
      body: { url: URL, events: [7, "order.paid", null] },
    });
    expect(reply.error.description).toBe("Invalid event name/names: 7, null");
  });

  it("takes subscription events only on the account with subscriptions", async () => {
    const body = {
      url: URL,
      events: ["payment.captured", "subscription.charged", "subscription.halted"],
    };
    expect((await t.rz.call("POST", hooks(aurora), { body })).status).toBe(200);
    for (const account of [spices, empty]) {
      const reply = await t.rz.error("POST", hooks(account), { body });
      expect(reply.error.description).toBe(
        "Invalid event name/names: subscription.charged, subscription.halted",
      );
    }
  });

  it("takes QR code and virtual account events only on the account with those features", async () => {
    const body = { url: URL, events: ["qr_code.credited", "virtual_account.credited"] };
    expect((await t.rz.call("POST", hooks(spices), { body })).status).toBe(200);
    const reply = await t.rz.error("POST", hooks(aurora), { body });
    expect(reply.error.description).toBe(
      "Invalid event name/names: qr_code.credited, virtual_account.credited",
    );
  });

  it("checks the events of a PATCH against the account too", async () => {
    const path = `${hooks(spices)}/${RAZORPAY_SEED.webhooks.spicesPayments}`;
    const reply = await t.rz.error("PATCH", path, {
      body: { url: URL, events: ["settlement.processed"] },
    });
    expect(reply.error).toMatchObject({
      description: "Invalid event name/names: settlement.processed",
      field: "events",
    });
  });
});
