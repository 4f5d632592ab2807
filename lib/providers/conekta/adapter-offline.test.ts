import { describe, expect, it } from "vitest";
import { CONEKTA_SEED } from "@/lib/sandbox/conekta/seed";
import { answerProviderCalls } from "@/lib/testing/provider-calls";
import { failure } from "@/lib/testing/sandbox";
import { createConektaAdapter } from "./adapter";

describe("Conekta adapter without the sandbox", () => {
  const holding = { account: "default", language: "en" } as const;
  const configFor = (apiVersion: string) => ({
    apiKey: "key_test",
    apiBase: "https://api.conekta.example",
    apiVersion,
    timeoutMs: 2000,
  });

  it("opens the holding and 24-hex child company ids, and 404s anything else", async () => {
    const conekta = createConektaAdapter(configFor("2.1.0"));
    await expect(conekta.assertAccount(holding)).resolves.toBeUndefined();
    await expect(
      conekta.assertAccount({ account: CONEKTA_SEED.emptyChildId, language: "en" }),
    ).resolves.toBeUndefined();
    const error = await failure(conekta.assertAccount({ account: "acc_x", language: "en" }));
    expect(error.status).toBe(404);
  });

  it("writes the 2.2+ shape when configured for it: events in the create, subscribed_events", async () => {
    const webhook = {
      id: "6307a60c41de27127515a576",
      url: "https://example.com/hook",
      active: true,
      subscribed_events: ["order.paid"],
      object: "webhook",
    };
    const conektaCalls = answerProviderCalls("https://conekta.test", () => webhook);
    try {
      const conekta = createConektaAdapter({
        ...configFor("2.2.0"),
        apiBase: "https://conekta.test",
      });
      const created = await conekta.createWebhook(holding, {
        url: "https://example.com/hook",
        events: ["order.paid"],
      });
      expect(created.active).toBe(true);
      await conekta.updateWebhook(holding, created.id, { events: ["order.paid", "charge.paid"] });
    } finally {
      conektaCalls.restore();
    }
    const sent = conektaCalls.sent.map((r) => ({
      method: r.method,
      path: r.url.pathname,
      accept: r.headers.accept,
      body: r.body === undefined ? undefined : (JSON.parse(r.body) as unknown),
    }));
    const accept = "application/vnd.conekta-v2.2.0+json";
    const path = "/webhooks/6307a60c41de27127515a576";
    expect(sent).toEqual([
      {
        method: "POST",
        path: "/webhooks",
        accept,
        body: { url: "https://example.com/hook", subscribed_events: ["order.paid"] },
      },
      { method: "GET", path, accept, body: undefined },
      {
        method: "PUT",
        path,
        accept,
        body: { url: "https://example.com/hook", subscribed_events: ["order.paid", "charge.paid"] },
      },
    ]);
  });
});

// Issue 11: a count past Conekta's largest page (250) reads every page, by the `next` cursor.
