import { describe, expect, it } from "vitest";
import { webhookSchema } from "@/lib/webhooks/model";
import { toAccount, toWebhook } from "./mapper";
import { conektaWebhookSchema } from "./schemas";

// `components/schemas/webhook_response` of conekta-openapi-v2.1.0.yaml, built from its examples
// (the spec's own `object: event` included: the console must not care).
const SPEC_2_1_0_WEBHOOK = {
  deleted: false,
  development_enabled: false,
  id: "6307a60c41de27127515a575",
  livemode: true,
  object: "event",
  production_enabled: true,
  status: "listening",
  subscribed_events: [
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
  ],
  synchronous: false,
  url: "https://username:password@mockoon.stg.conekta.io/payments-api/cash/merchant_approval",
};

// The 2.2+ shape (conekta-openapi.yaml): `active` and `description`, no `synchronous`.
const MODERN_WEBHOOK = {
  id: "6307a60c41de27127515a576",
  url: "https://hooks.example.com/conekta",
  description: "Orders to the ERP",
  livemode: false,
  active: false,
  status: "intermittent_errors",
  subscribed_events: ["order.paid", "order.refunded"],
  object: "webhook",
};

describe("Conekta mapper", () => {
  it("reads the spec's 2.1.0 webhook_response into the console model, credentials masked", () => {
    const webhook = toWebhook(conektaWebhookSchema.parse(SPEC_2_1_0_WEBHOOK), "default");
    expect(webhookSchema.strict().parse(webhook)).toEqual(webhook);
    expect(JSON.stringify(webhook)).not.toContain("password");
    expect(webhook).toMatchInlineSnapshot(`
      {
        "account": "default",
        "active": null,
        "alertEmail": null,
        "createdAt": null,
        "events": [
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
        ],
        "hasSecret": null,
        "id": "6307a60c41de27127515a575",
        "provider": "conekta",
        "status": "listening",
        "updatedAt": null,
        "url": "https://****:****@mockoon.stg.conekta.io/payments-api/cash/merchant_approval",
      }
    `);
  });

  it("reads the 2.2+ shape, keeping `active`, for a child company", () => {
    const webhook = toWebhook(
      conektaWebhookSchema.parse(MODERN_WEBHOOK),
      "6441b6376b60c3a638da80af",
    );
    expect(webhookSchema.strict().parse(webhook)).toEqual(webhook);
    expect(webhook).toMatchInlineSnapshot(`
      {
        "account": "6441b6376b60c3a638da80af",
        "active": false,
        "alertEmail": null,
        "createdAt": null,
        "events": [
          "order.paid",
          "order.refunded",
        ],
        "hasSecret": null,
        "id": "6307a60c41de27127515a576",
        "provider": "conekta",
        "status": "intermittent_errors",
        "updatedAt": null,
        "url": "https://hooks.example.com/conekta",
      }
    `);
  });

  it("treats missing subscribed_events as none", () => {
    const webhook = toWebhook(
      conektaWebhookSchema.parse({ id: "a", url: "https://x.example" }),
      "default",
    );
    expect(webhook.events).toEqual([]);
    expect(webhook.status).toBeNull();
  });

  it("maps a child company to an account", () => {
    expect(
      toAccount({
        id: "6441b6376b60c3a638da80af",
        name: "Farmacia Roma",
        parent_company_id: "6441b6376b60c3a638da80aa",
        created_at: 1_704_067_200,
      }),
    ).toEqual({ id: "6441b6376b60c3a638da80af", name: "Farmacia Roma", provider: "conekta" });
  });
});
