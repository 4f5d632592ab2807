import { describe, expect, it } from "vitest";
import { buildSampleEvent, createEventId, entitiesOfEvent } from "./sample-event";

const now = new Date("2024-05-01T10:00:00Z");

describe("buildSampleEvent", () => {
  it("builds compact JSON in Razorpay's delivery format, marked as a test", () => {
    const { body, eventId } = buildSampleEvent({
      accountId: "acc_Abc123",
      event: "payment.captured",
      now,
    });
    expect(body).not.toMatch(/[\s]/);
    expect(eventId).toMatch(/^evt_[0-9A-Za-z]{14}$/);
    expect(JSON.parse(body)).toEqual({
      entity: "event",
      account_id: "acc_Abc123",
      event: "payment.captured",
      contains: ["payment"],
      payload: {
        payment: {
          entity: expect.objectContaining({
            id: "pay_ConsoleTestPing",
            entity: "payment",
            notes: { console_test_ping: "true" },
            created_at: 1714557600,
          }) as unknown,
        },
      },
      created_at: 1714557600,
    });
  });

  it.each([
    ["payment.authorized", ["payment"]],
    ["payment.dispute.created", ["payment", "dispute"]],
    ["payment.downtime.started", ["payment.downtime"]],
    ["payment_link.paid", ["payment_link"]],
    ["refund.processed", ["refund"]],
    ["order.paid", ["order"]],
    ["invoice.paid", ["invoice"]],
    ["subscription.charged", ["subscription"]],
    ["settlement.processed", ["settlement"]],
    ["transfer.processed", ["transfer"]],
    ["qr_code.closed", ["qr_code"]],
    ["virtual_account.credited", ["virtual_account"]],
    ["fund_account.validation.completed", ["fund_account"]],
    ["token.confirmed", ["token"]],
  ])("%s carries %j", (event, contains) => {
    expect(entitiesOfEvent(event)).toEqual(contains);
    const parsed = JSON.parse(buildSampleEvent({ accountId: "acc_1", event, now }).body) as {
      contains: string[];
      payload: Record<string, { entity: { id: string; notes: Record<string, string> } }>;
    };
    expect(parsed.contains).toEqual(contains);
    expect(Object.keys(parsed.payload)).toEqual(contains);
    for (const { entity } of Object.values(parsed.payload)) {
      expect(entity.id).toMatch(/_ConsoleTestPing$/);
      expect(entity.notes.console_test_ping).toBe("true");
    }
  });

  it("makes a new event id each time", () => {
    expect(createEventId()).not.toBe(createEventId());
  });
});
