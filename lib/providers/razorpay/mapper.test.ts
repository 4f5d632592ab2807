import { describe, expect, it } from "vitest";
import { webhookSchema } from "@/lib/webhooks/model";
import { toWebhook } from "./mapper";
import { razorpayWebhookSchema } from "./schemas";

// The create reply of the seed document (seeds/razorpay-webhooks-api.txt).
const SEED_DOCUMENT_WEBHOOK = {
  id: "wxK6n7AmmJyRtq",
  created_at: 1654605478,
  updated_at: 1654605478,
  owner_id: "J1er4hSzn40V0y",
  owner_type: "merchant",
  context: [],
  disabled_at: 0,
  url: "https://google.com",
  alert_email: "gaurav.kumar@example.com",
  secret_exists: true,
  entity: "webhook",
  active: true,
  events: [
    "payment.authorized",
    "payment.failed",
    "payment.captured",
    "payment.dispute.created",
    "refund.failed",
    "refund.created",
  ],
};

describe("Razorpay mapper", () => {
  it("reads the seed document's webhook into the console model", () => {
    const webhook = toWebhook(
      razorpayWebhookSchema.parse(SEED_DOCUMENT_WEBHOOK),
      "acc_ua2tBezhcEBvap",
    );
    expect(webhookSchema.strict().parse(webhook)).toEqual(webhook);
    expect(webhook).toMatchInlineSnapshot(`
      {
        "account": "acc_ua2tBezhcEBvap",
        "active": true,
        "alertEmail": "gaurav.kumar@example.com",
        "createdAt": "2022-06-07T12:37:58.000Z",
        "events": [
          "payment.authorized",
          "payment.failed",
          "payment.captured",
          "payment.dispute.created",
          "refund.failed",
          "refund.created",
        ],
        "hasSecret": true,
        "id": "wxK6n7AmmJyRtq",
        "provider": "razorpay",
        "status": null,
        "updatedAt": "2022-06-07T12:37:58.000Z",
        "url": "https://google.com",
      }
    `);
  });

  it("never carries a secret, even if a reply had one", () => {
    const raw = { ...SEED_DOCUMENT_WEBHOOK, secret: "leaked_s3cret" };
    const webhook = toWebhook(razorpayWebhookSchema.parse(raw), "acc_ua2tBezhcEBvap");
    expect(JSON.stringify(webhook)).not.toContain("leaked_s3cret");
    expect(Object.keys(webhook)).not.toContain("secret");
  });

  it("reads Razorpay's zero values as none and masks credentials in the URL", () => {
    const webhook = toWebhook(
      razorpayWebhookSchema.parse({
        ...SEED_DOCUMENT_WEBHOOK,
        url: "https://ops:hunter2@hooks.example.com/rzp",
        alert_email: "",
        secret_exists: false,
        active: false,
      }),
      "acc_ua2tBezhcEBvap",
    );
    expect(webhook).toMatchObject({
      url: "https://****:****@hooks.example.com/rzp",
      alertEmail: null,
      hasSecret: false,
      active: false,
    });
  });
});
