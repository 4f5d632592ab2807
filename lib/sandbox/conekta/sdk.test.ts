import * as sdk6 from "conekta-v6";
import * as sdk7 from "conekta-v7";
import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { validateConektaResponse } from "./openapi-validator";
import { CONEKTA_SEED } from "./seed";
import { API_KEY, setUpConektaSandbox } from "./test-harness";
import type { ConektaApiVersion } from "./versions";

/**
 * Conekta's official Node SDK drives the sandbox: 6.x speaks API 2.1.0 and 7.x speaks 2.2.0 (each
 * hard-codes its `Accept`). The SDK only ever talks to the sandbox's loopback URL here; the console
 * itself does not use it (PROVIDERS.md: it turns TLS certificate checks off).
 */
interface SdkReply {
  status: number;
  data: unknown;
  headers: unknown;
}
interface SdkDriver {
  create(url: string, events: string[]): Promise<SdkReply>;
  update(id: string, url: string, events: string[]): Promise<SdkReply>;
  list(): Promise<SdkReply>;
  get(id: string): Promise<SdkReply>;
  remove(id: string): Promise<SdkReply>;
}

const webhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  subscribed_events: z.array(z.string()),
});
const listSchema = z.object({ data: z.array(webhookSchema) });

const drivers: Record<ConektaApiVersion, (basePath: string) => SdkDriver> = {
  "2.1.0": (basePath) => {
    const api = new sdk6.WebhooksApi(new sdk6.Configuration({ accessToken: API_KEY, basePath }));
    return {
      // 2.1.0's create takes no events: the SDK user subscribes them with an update.
      create: (url) => api.createWebhook({ url, synchronous: false }, "en"),
      update: (id, url, events) => api.updateWebhook(id, { url, events }, "en"),
      list: () => api.getWebhooks("en", undefined, 250),
      get: (id) => api.getWebhook(id, "en"),
      remove: (id) => api.deleteWebhook(id, "en"),
    };
  },
  "2.2.0": (basePath) => {
    const api = new sdk7.WebhooksApi(new sdk7.Configuration({ accessToken: API_KEY, basePath }));
    return {
      create: (url, events) => api.createWebhook({ url, subscribed_events: events }, "en"),
      update: (id, url, events) => api.updateWebhook(id, { url, subscribed_events: events }, "en"),
      list: () => api.getWebhooks("en", undefined, 250),
      get: (id) => api.getWebhook(id, "en"),
      remove: (id) => api.deleteWebhook(id, "en"),
    };
  },
};

describe.each(["2.1.0", "2.2.0"] as const)("the official Conekta SDK at API %s", (version) => {
  const { sandbox, reset } = setUpConektaSandbox({ version });
  beforeEach(() => reset());
  const driver = () => drivers[version](`${sandbox().url}/conekta`);

  /** The reply the SDK got, checked against the spec of its version. */
  function expectInSpec(method: string, template: string, reply: SdkReply) {
    const contentType = z.object({ "content-type": z.string() }).parse(reply.headers)[
      "content-type"
    ];
    expect(contentType).toBe(`application/vnd.conekta-v${version}+json`);
    const result = validateConektaResponse(method, template, reply.status, reply.data, {
      contentType,
      version,
    });
    expect(result.errors, result.checkedAgainst).toEqual([]);
  }

  it("creates, edits, lists and deletes a webhook", async () => {
    const conekta = driver();
    const created = await conekta.create("https://sdk.example.com/hook", ["order.paid"]);
    expectInSpec("POST", "/webhooks", created);
    const id = webhookSchema.parse(created.data).id;
    expect(id).toMatch(/^[0-9a-f]{24}$/);

    const edited = await conekta.update(id, "https://sdk.example.com/edited", [
      "order.paid",
      "charge.paid",
    ]);
    expectInSpec("PUT", "/webhooks/{id}", edited);
    const got = await conekta.get(id);
    expectInSpec("GET", "/webhooks/{id}", got);
    expect(webhookSchema.parse(got.data)).toMatchObject({
      url: "https://sdk.example.com/edited",
      subscribed_events: ["order.paid", "charge.paid"],
    });

    const listed = await conekta.list();
    expectInSpec("GET", "/webhooks", listed);
    const ids = listSchema.parse(listed.data).data.map((w) => w.id);
    expect(ids).toContain(id);
    expect(ids).toHaveLength(CONEKTA_SEED.parentWebhookCount + 1);

    const deleted = await conekta.remove(id);
    expectInSpec("DELETE", "/webhooks/{id}", deleted);
    const after = await conekta.list();
    expect(listSchema.parse(after.data).data.map((w) => w.id)).not.toContain(id);
    await expect(conekta.get(id)).rejects.toMatchObject({ response: { status: 404 } });
  });
});
