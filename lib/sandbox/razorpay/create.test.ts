import { beforeEach, describe, expect, it } from "vitest";
import { RAZORPAY_SEED } from "./seed";
import {
  hook,
  hooks,
  NEW_WEBHOOK,
  START_SECONDS,
  withRazorpaySandbox,
  type RazorpayTestSandbox,
} from "./test-client";

const { spices, empty } = RAZORPAY_SEED.accounts;
const NEW = NEW_WEBHOOK;
const sandbox = withRazorpaySandbox();
let t: RazorpayTestSandbox;
beforeEach(() => {
  t = sandbox();
});

describe("POST /v2/accounts/{account_id}/webhooks", () => {
  it("creates a webhook in Razorpay's shape, owner_id without acc_, 14-character id", async () => {
    const created = await t.rz.webhook("POST", hooks(empty), {
      ...NEW,
      alert_email: "ops@example.com",
    });
    expect(created).toStrictEqual({
      id: expect.stringMatching(/^[A-Za-z0-9]{14}$/) as unknown,
      created_at: START_SECONDS,
      updated_at: START_SECONDS,
      service: "beta-api-test",
      owner_id: empty.replace(/^acc_/, ""),
      owner_type: "merchant",
      context: [],
      disabled_at: 0,
      url: NEW.url,
      alert_email: "ops@example.com",
      secret_exists: false,
      entity: "webhook",
      active: true,
      events: NEW.events,
    });
    expect(created.owner_id).not.toContain("acc_");
  });

  it("keeps the secret write-only: secret_exists is true and the secret is never returned", async () => {
    const created = await t.rz.webhook("POST", hooks(empty), {
      ...NEW,
      secret: "top-secret-value",
    });
    expect(created.secret_exists).toBe(true);
    const fetched = await t.rz.call("GET", hook(empty, created.id));
    const listed = await t.rz.call("GET", hooks(empty));
    for (const reply of [created, fetched.body, listed.body]) {
      expect(JSON.stringify(reply)).not.toContain("top-secret-value");
      expect(JSON.stringify(reply)).not.toContain('"secret"');
    }
  });

  it("gives each webhook its own id and an empty alert_email when none is sent", async () => {
    const a = await t.rz.webhook("POST", hooks(empty), NEW);
    const b = await t.rz.webhook("POST", hooks(empty), NEW);
    expect(a.id).not.toBe(b.id);
    expect(a.alert_email).toBe("");
  });

  it("drops repeated events keeping the last occurrence, as the seed document's reply shows", async () => {
    const events = ["refund.created", "payment.authorized", "payment.failed", "refund.created"];
    const created = await t.rz.webhook("POST", hooks(empty), { url: NEW.url, events });
    expect(created.events).toEqual(["payment.authorized", "payment.failed", "refund.created"]);
  });

  it.each([
    ["no body at all", undefined, "The url field is required.", "url"],
    ["no url", { events: NEW.events }, "The url field is required.", "url"],
    ["an empty url", { url: "", events: NEW.events }, "The url field is required.", "url"],
    ["a null url", { url: null, events: NEW.events }, "The url field is required.", "url"],
    [
      "a url that is not a string",
      { url: 42, events: NEW.events },
      "The url is not a valid URL.",
      "url",
    ],
    ["no events", { url: NEW.url }, "The events field is required.", "events"],
    [
      "an empty events array",
      { url: NEW.url, events: [] },
      "The events field is required.",
      "events",
    ],
    [
      "events that are not an array",
      { url: NEW.url, events: "payment.captured" },
      "The events must be an array.",
      "events",
    ],
    ["neither url nor events (url is reported first)", {}, "The url field is required.", "url"],
    [
      "a bad url and bad events (url first)",
      { url: "nope", events: ["x"] },
      "The url is not a valid URL.",
      "url",
    ],
    [
      "a bad alert_email",
      { ...NEW, alert_email: "not-an-email" },
      "The alert email must be a valid email address.",
      "alert_email",
    ],
    [
      "a secret that is not a string",
      { ...NEW, secret: 12 },
      "The secret must be a string.",
      "secret",
    ],
    [
      "a field Razorpay does not take",
      { ...NEW, active: true },
      "active is/are not required and should not be sent",
      "active",
    ],
  ])("refuses %s with Razorpay's wording", async (_name, body, description, field) => {
    const reply = await t.rz.error("POST", hooks(empty), { body });
    expect(reply.status).toBe(400);
    expect(reply.error).toMatchObject({ code: "BAD_REQUEST_ERROR", description, field });
  });

  it.each([
    ["malformed JSON", '{"url": '],
    ["a JSON array", "[]"],
    ["a JSON string", '"https://example.com"'],
  ])("refuses %s with a 400 that names the body, without a field", async (_name, rawBody) => {
    const reply = await t.rz.error("POST", hooks(empty), { rawBody });
    expect(reply.status).toBe(400);
    expect(reply.error.description).toBe("The request body must be a valid JSON object.");
    expect(reply.error.field).toBeUndefined();
  });

  it("fills the error envelope: code, description, field, source, step, reason, metadata", async () => {
    const reply = await t.rz.error("POST", hooks(empty), { body: { url: NEW.url } });
    expect(reply.error).toStrictEqual({
      code: "BAD_REQUEST_ERROR",
      description: "The events field is required.",
      field: "events",
      source: "NA",
      step: "NA",
      reason: "NA",
      metadata: {},
    });
  });

  it("allows 30 webhooks per account and refuses the 31st", async () => {
    for (let i = 0; i < 30; i++)
      await t.rz.webhook("POST", hooks(empty), { ...NEW, url: `${NEW.url}/${i}` });
    const reply = await t.rz.error("POST", hooks(empty), { body: NEW });
    expect(reply.status).toBe(400);
    expect(reply.error).toMatchObject({
      code: "BAD_REQUEST_ERROR",
      description: "Maximum 30 webhooks allowed per account",
    });
    // Deleting one makes room again.
    const [first] = (await t.rz.collection(`${hooks(empty)}?count=1`)).items;
    await t.rz.call("DELETE", hook(empty, first?.id ?? ""));
    expect((await t.rz.call("POST", hooks(empty), { body: NEW })).status).toBe(200);
  });

  it("counts the 30 per account: a full account does not block another", async () => {
    for (let i = 0; i < 30; i++) await t.rz.webhook("POST", hooks(empty), NEW);
    expect((await t.rz.call("POST", hooks(spices), { body: NEW })).status).toBe(200);
  });
});
