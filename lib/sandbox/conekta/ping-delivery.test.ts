import { createServer } from "node:net";
import { createVerify } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { Delivery } from "../receivers";
import type { ConektaErrorBody } from "./errors";
import type { ConektaEvent, ConektaList, ConektaWebhook, ConektaWebhookKey } from "./resources";
import { CONEKTA_SEED } from "./seed";
import { setUpConektaSandbox } from "./test-harness";

const { api, sandbox, reset, settledPing } = setUpConektaSandbox();

beforeEach(reset);

async function createAt(url: string): Promise<ConektaWebhook> {
  return (await api<ConektaWebhook>("POST", "/webhooks", { body: { url, synchronous: false } }))
    .body;
}

async function deliveriesTo(path: string): Promise<Delivery[]> {
  const response = await fetch(
    `${sandbox().url}/__control/deliveries?path=${encodeURIComponent(path)}`,
  );
  return ((await response.json()) as { data: Delivery[] }).data;
}

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === "object" && address ? address.port : 9;
}

describe("Conekta sandbox: POST /webhooks/{id}/test", () => {
  it("answers with the webhook, records a webhook_ping event and delivers it signed to /receivers/ok", async () => {
    const url = `${sandbox().url}/receivers/ok/ping-ok`;
    const webhook = await createAt(url);
    const reply = await api<ConektaWebhook>("POST", `/webhooks/${webhook.id}/test`);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(webhook);

    const event = await settledPing(url);
    expect(event).toMatchObject({
      object: "event",
      type: "webhook_ping",
      livemode: false,
      data: { action: "ping", livemode: false },
      webhook_status: "successful",
    });
    expect(event.webhook_logs).toEqual([
      {
        id: expect.stringMatching(/^webhl_[A-Za-z0-9]{17}$/) as string,
        url,
        failed_attempts: 0,
        last_attempted_at: expect.any(Number) as number,
        last_http_response_status: 200,
        response_data: { received: true, signature: "valid" },
        object: "webhook_log",
      },
    ]);

    const [delivery] = await deliveriesTo("/receivers/ok/ping-ok");
    expect(delivery?.signature).toBe("valid");
    const sent = JSON.parse(delivery?.body ?? "{}") as ConektaEvent;
    expect(sent).toMatchObject({ id: event.id, type: "webhook_ping", webhook_status: "pending" });
    expect(sent.webhook_logs[0]).toMatchObject({
      last_http_response_status: -1,
      last_attempted_at: 0,
      failed_attempts: 0,
    });
  });

  it("signs DIGEST as base64 RSA-SHA256 over the raw body, verifiable with the key from POST /webhook_keys", async () => {
    const key = await api<ConektaWebhookKey>("POST", "/webhook_keys", { body: { active: true } });
    expect(key.status).toBe(200);
    expect(key.body).toMatchObject({ object: "webhook_key", active: true, livemode: false });
    expect(key.body.public_key).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);

    const url = `${sandbox().url}/receivers/ok/ping-digest`;
    const webhook = await createAt(url);
    await api("POST", `/webhooks/${webhook.id}/test`);
    await settledPing(url);
    const [delivery] = await deliveriesTo("/receivers/ok/ping-digest");
    const digest = delivery?.headers.digest ?? "";
    const verify = (body: string) =>
      createVerify("RSA-SHA256").update(body).verify(key.body.public_key, digest, "base64");
    expect(verify(delivery?.body ?? "")).toBe(true);
    expect(verify(`${delivery?.body ?? ""} `)).toBe(false);
  });

  it("records the receiver's 500 and a failed attempt for /receivers/fail", async () => {
    const id = CONEKTA_SEED.webhooks.parentFail;
    const webhook = await api<ConektaWebhook>("GET", `/webhooks/${id}`);
    await api("POST", `/webhooks/${id}/test`);
    const event = await settledPing(webhook.body.url);
    expect(event.webhook_status).toBe("failed");
    expect(event.webhook_logs[0]).toMatchObject({
      last_http_response_status: 500,
      failed_attempts: 1,
    });
    const [delivery] = await deliveriesTo("/receivers/fail/grupo-legacy-erp");
    expect(delivery?.signature).toBe("valid");
  });

  it("records a network failure as a failed attempt with status -1", async () => {
    const url = `http://127.0.0.1:${await closedPort()}/hook`;
    const webhook = await createAt(url);
    await api("POST", `/webhooks/${webhook.id}/test`);
    const event = await settledPing(url);
    expect(event.webhook_status).toBe("failed");
    expect(event.webhook_logs[0]).toMatchObject({
      last_http_response_status: -1,
      failed_attempts: 1,
    });
    expect(event.webhook_logs[0]?.response_data).toEqual({ error: expect.any(String) as string });
  });

  it("shows the ping pending until the receiver answers", async () => {
    await api("POST", `/webhooks/${CONEKTA_SEED.webhooks.parentSlow}/test`);
    const events = await api<ConektaList<ConektaEvent>>("GET", "/events?limit=1");
    const [event] = events.body.data;
    expect(event).toMatchObject({ type: "webhook_ping", webhook_status: "pending" });
    expect(event?.webhook_logs[0]).toMatchObject({
      last_http_response_status: -1,
      last_attempted_at: 0,
      failed_attempts: 0,
    });
  });

  it("sends user:password@ from the URL as Basic authorization, not in the URL", async () => {
    const { webhooks } = CONEKTA_SEED;
    const webhook = await api<ConektaWebhook>("GET", `/webhooks/${webhooks.parentWithCredentials}`);
    await api("POST", `/webhooks/${webhooks.parentWithCredentials}/test`);
    const event = await settledPing(webhook.body.url);
    expect(event.webhook_logs[0]?.url).toBe(webhook.body.url);
    const [delivery] = await deliveriesTo("/receivers/ok/grupo-basic-auth");
    expect(delivery?.headers.authorization).toBe(
      `Basic ${Buffer.from("demo:s3cret").toString("base64")}`,
    );
  });

  it("refuses a request body with 415 and sends nothing", async () => {
    const before = await api<ConektaList<ConektaEvent>>("GET", "/events?limit=250");
    for (const rawBody of ["{}", '{"event":"webhook_ping"}']) {
      const reply = await api<ConektaErrorBody>(
        "POST",
        `/webhooks/${CONEKTA_SEED.webhooks.parentOk}/test`,
        {
          rawBody,
          headers: { "content-type": "application/json" },
        },
      );
      expect(reply.status).toBe(415);
      expect(reply.body).toMatchObject({ object: "error", type: "unsupported_media_type_error" });
    }
    const after = await api<ConektaList<ConektaEvent>>("GET", "/events?limit=250");
    expect(after.body.data).toHaveLength(before.body.data.length);
  });

  it("answers a ping of an unknown webhook with 404", async () => {
    expect((await api("POST", "/webhooks/0123456789abcdef01234567/test")).status).toBe(404);
  });
});

describe("Conekta sandbox: signature verifier for the demo receivers", () => {
  it("leaves deliveries without DIGEST to other verifiers and calls a bad DIGEST invalid", () => {
    const verify = sandbox().emulators.conekta.verifySignature;
    expect(verify).toBeDefined();
    const rawBody = Buffer.from('{"type":"webhook_ping"}');
    expect(verify?.({ url: "http://x", headers: {}, rawBody })).toBeUndefined();
    expect(
      verify?.({ url: "http://x", headers: { digest: "bm90IGEgc2lnbmF0dXJl" }, rawBody }),
    ).toBe("invalid");
  });
});
