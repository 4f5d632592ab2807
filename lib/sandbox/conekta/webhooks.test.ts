import { beforeEach, describe, expect, it } from "vitest";
import type { ConektaErrorBody } from "./errors";
import { DEFAULT_SUBSCRIBED_EVENTS } from "./event-names";
import { messages } from "./messages";
import type { ConektaList, ConektaWebhook } from "./resources";
import { CONEKTA_SEED } from "./seed";
import { setUpConektaSandbox } from "./test-harness";

const { api, reset } = setUpConektaSandbox();
const strict = setUpConektaSandbox({ allowLoopback: false });

beforeEach(async () => {
  await Promise.all([reset(), strict.reset()]);
});

const { webhooks: W } = CONEKTA_SEED;

describe("Conekta sandbox: create", () => {
  it("creates a webhook from {url, synchronous} with 2.1.0's shape and a 24-hex id", async () => {
    const reply = await api<ConektaWebhook>("POST", "/webhooks", {
      body: { url: "https://shop.example.com/hooks/conekta", synchronous: false },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/) as string,
      url: "https://shop.example.com/hooks/conekta",
      status: "listening",
      subscribed_events: [...DEFAULT_SUBSCRIBED_EVENTS],
      synchronous: false,
      livemode: false,
      production_enabled: false,
      development_enabled: true,
      deleted: null,
      object: "webhook",
    });
  });

  it("requires both url and synchronous, naming each missing param", async () => {
    const none = await api<ConektaErrorBody>("POST", "/webhooks", { body: {}, language: "en" });
    expect(none.status).toBe(422);
    expect(none.body.type).toBe("parameter_validation_error");
    expect(none.body.details.map((d) => [d.param, d.code])).toEqual([
      ["url", "conekta.errors.parameter_validation.url.missing"],
      ["synchronous", "conekta.errors.parameter_validation.synchronous.missing"],
    ]);
    expect(none.body.details[0]?.message).toBe(messages.paramMissing("url").en);

    const noSync = await api<ConektaErrorBody>("POST", "/webhooks", {
      body: { url: "https://a.example.com" },
    });
    expect(noSync.body.details.map((d) => d.param)).toEqual(["synchronous"]);
    const noUrl = await api<ConektaErrorBody>("POST", "/webhooks", { body: { synchronous: true } });
    expect(noUrl.body.details.map((d) => d.param)).toEqual(["url"]);
    const empty = await api<ConektaErrorBody>("POST", "/webhooks");
    expect(empty.body.details.map((d) => d.param)).toEqual(["url", "synchronous"]);
  });

  it("refuses wrong types and non-http URLs", async () => {
    const reply = await api<ConektaErrorBody>("POST", "/webhooks", {
      body: { url: "ftp://x.example.com", synchronous: "no" },
    });
    expect(reply.status).toBe(422);
    expect(reply.body.details.map((d) => d.code)).toEqual([
      "conekta.errors.parameter_validation.url.invalid",
      "conekta.errors.parameter_validation.synchronous.invalid",
    ]);
  });

  it("refuses unknown parameters, including events, which 2.1.0's create does not take", async () => {
    const reply = await api<ConektaErrorBody>("POST", "/webhooks", {
      body: { url: "https://b.example.com", synchronous: false, events: ["order.paid"] },
    });
    expect(reply.status).toBe(422);
    expect(reply.body.details).toEqual([
      {
        code: "conekta.errors.parameter_validation.whitelist",
        param: "events",
        message: 'El parametro "events" no está permitido',
        debug_message: 'The "events" parameter is not allowed',
      },
    ]);
  });

  it("refuses localhost and 127.0.0.1 URLs unless the sandbox allows loopback", async () => {
    for (const url of [
      "http://localhost:3000/hook",
      "https://127.0.0.1/hook",
      "https://x.example.com/?next=localhost",
    ]) {
      const refused = await strict.api<ConektaErrorBody>("POST", "/webhooks", {
        body: { url, synchronous: false },
      });
      expect(refused.status).toBe(422);
      expect(refused.body.details[0]).toMatchObject({
        param: "url",
        code: "conekta.errors.parameter_validation.url.invalid",
      });
      expect(refused.body.details[0]?.message).toBe(messages.urlLoopback.es);
    }
    const allowed = await api("POST", "/webhooks", {
      body: { url: "http://localhost:3000/hook", synchronous: false },
    });
    expect(allowed.status).toBe(200);
  });

  it("keeps user:password@ in the URL and echoes it back", async () => {
    const url = "https://user:pa%24s@hooks.example.com/conekta";
    const reply = await api<ConektaWebhook>("POST", "/webhooks", {
      body: { url, synchronous: false },
    });
    expect(reply.body.url).toBe(url);
    const seeded = await api<ConektaWebhook>("GET", `/webhooks/${W.parentWithCredentials}`);
    expect(new URL(seeded.body.url).username).toBe("demo");
  });

  it("allows 10 webhooks per company and refuses the 11th with a 422", async () => {
    const full = await api<ConektaErrorBody>("POST", "/webhooks", {
      child: CONEKTA_SEED.fullChildId,
      body: { url: "https://eleven.example.com", synchronous: false },
      language: "en",
    });
    expect(full.status).toBe(422);
    expect(full.body.type).toBe("parameter_validation_error");
    expect(full.body.details[0]).toMatchObject({
      code: "conekta.errors.parameter_validation.webhook.limit_exceeded",
      message: messages.webhookLimit.en,
    });

    const child = CONEKTA_SEED.emptyChildId;
    for (let i = 0; i < 10; i++) {
      const ok = await api("POST", "/webhooks", {
        child,
        body: { url: `https://n${i}.example.com`, synchronous: false },
      });
      expect(ok.status).toBe(200);
    }
    const eleventh = await api<ConektaErrorBody>("POST", "/webhooks", {
      child,
      body: { url: "https://n10.example.com", synchronous: false },
    });
    expect(eleventh.status).toBe(422);

    // Deleting one makes room again.
    const list = await api<ConektaList<ConektaWebhook>>("GET", "/webhooks", { child });
    const first = list.body.data[0];
    expect(first).toBeDefined();
    await api("DELETE", `/webhooks/${first?.id ?? ""}`, { child });
    expect(
      (
        await api("POST", "/webhooks", {
          child,
          body: { url: "https://again.example.com", synchronous: false },
        })
      ).status,
    ).toBe(200);
  });
});

describe("Conekta sandbox: get, update, delete", () => {
  it("gets a seeded webhook by id", async () => {
    const reply = await api<ConektaWebhook>("GET", `/webhooks/${W.parentFail}`);
    expect(reply.body).toMatchObject({
      id: W.parentFail,
      status: "intermittent_errors",
      object: "webhook",
    });
  });

  it("updates url, synchronous and events; events replaces the set; absent synchronous is kept", async () => {
    const created = await api<ConektaWebhook>("POST", "/webhooks", {
      body: { url: "https://u1.example.com", synchronous: true },
    });
    const id = created.body.id;
    const updated = await api<ConektaWebhook>("PUT", `/webhooks/${id}`, {
      body: { url: "https://u2.example.com", events: ["order.paid", "charge.paid", "order.paid"] },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      url: "https://u2.example.com",
      synchronous: true,
      subscribed_events: ["order.paid", "charge.paid"],
    });
    const again = await api<ConektaWebhook>("GET", `/webhooks/${id}`);
    expect(again.body.subscribed_events).toEqual(["order.paid", "charge.paid"]);
    const cleared = await api<ConektaWebhook>("PUT", `/webhooks/${id}`, {
      body: { url: "https://u2.example.com", synchronous: false, events: [] },
    });
    expect(cleared.body).toMatchObject({ synchronous: false, subscribed_events: [] });
  });

  it("requires url on update and refuses unknown event names", async () => {
    const noUrl = await api<ConektaErrorBody>("PUT", `/webhooks/${W.parentOk}`, {
      body: { events: ["order.paid"] },
    });
    expect(noUrl.status).toBe(422);
    expect(noUrl.body.details[0]).toMatchObject({
      param: "url",
      code: "conekta.errors.parameter_validation.url.missing",
    });

    const current = await api<ConektaWebhook>("GET", `/webhooks/${W.parentOk}`);
    const badEvent = await api<ConektaErrorBody>("PUT", `/webhooks/${W.parentOk}`, {
      body: { url: current.body.url, events: ["order.paid", "webhook.ping"] },
      language: "en",
    });
    expect(badEvent.status).toBe(422);
    expect(badEvent.body.details).toHaveLength(1);
    expect(badEvent.body.details[0]).toMatchObject({
      param: "events",
      message: messages.eventUnknown("webhook.ping").en,
    });
    const unchanged = await api<ConektaWebhook>("GET", `/webhooks/${W.parentOk}`);
    expect(unchanged.body.subscribed_events).toEqual(current.body.subscribed_events);
  });

  it("lets a seeded loopback URL be resent unchanged where new loopback URLs are refused", async () => {
    const seeded = await strict.api<ConektaWebhook>("GET", `/webhooks/${W.parentOk}`);
    const kept = await strict.api<ConektaWebhook>("PUT", `/webhooks/${W.parentOk}`, {
      body: { url: seeded.body.url, events: ["order.paid"] },
    });
    expect(kept.status).toBe(200);
    const moved = await strict.api("PUT", `/webhooks/${W.parentOk}`, {
      body: { url: `${seeded.body.url}/other` },
    });
    expect(moved.status).toBe(422);
  });

  it("deletes: answers the webhook with deleted: true, then 404 for get, update, delete", async () => {
    const created = await api<ConektaWebhook>("POST", "/webhooks", {
      body: { url: "https://gone.example.com", synchronous: false },
    });
    const id = created.body.id;
    const deleted = await api<ConektaWebhook>("DELETE", `/webhooks/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({
      id,
      url: "https://gone.example.com",
      deleted: true,
      object: "webhook",
    });
    expect((await api("GET", `/webhooks/${id}`)).status).toBe(404);
    expect(
      (await api("PUT", `/webhooks/${id}`, { body: { url: "https://x.example.com" } })).status,
    ).toBe(404);
    expect((await api("DELETE", `/webhooks/${id}`)).status).toBe(404);
    const list = await api<ConektaList<ConektaWebhook>>("GET", "/webhooks?limit=250");
    expect(list.body.data.map((w) => w.id)).not.toContain(id);
  });

  it("puts the seed back on reset", async () => {
    await api("DELETE", `/webhooks/${W.parentSlow}`);
    expect((await api("GET", `/webhooks/${W.parentSlow}`)).status).toBe(404);
    await reset();
    expect((await api("GET", `/webhooks/${W.parentSlow}`)).status).toBe(200);
    const list = await api<ConektaList<ConektaWebhook>>("GET", "/webhooks?limit=250");
    expect(list.body.data).toHaveLength(CONEKTA_SEED.parentWebhookCount);
  });
});
