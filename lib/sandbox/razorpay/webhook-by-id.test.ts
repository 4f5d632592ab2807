import { beforeEach, describe, expect, it } from "vitest";
import { RAZORPAY_SEED } from "./seed";
import {
  hook,
  hooks,
  NEW_WEBHOOK,
  START_SECONDS,
  START_TIME,
  withRazorpaySandbox,
  type RazorpayTestSandbox,
} from "./test-client";

const { aurora, spices, empty } = RAZORPAY_SEED.accounts;
const NEW = NEW_WEBHOOK;
const sandbox = withRazorpaySandbox();
let t: RazorpayTestSandbox;
beforeEach(() => {
  t = sandbox();
});

describe("GET, PATCH and DELETE /v2/accounts/{account_id}/webhooks/{webhook_id}", () => {
  it("fetches a seeded webhook", async () => {
    const fetched = await t.rz.webhook("GET", hook(aurora, RAZORPAY_SEED.webhooks.auroraPayments));
    expect(fetched).toMatchObject({
      id: RAZORPAY_SEED.webhooks.auroraPayments,
      secret_exists: true,
      active: true,
    });
    expect(fetched.url).toBe(`${t.sandbox.url}${RAZORPAY_SEED.signed.path}`);
  });

  it("PATCH replaces the events set and the url, and moves updated_at", async () => {
    const created = await t.rz.webhook("POST", hooks(empty), {
      ...NEW,
      alert_email: "a@example.com",
    });
    t.setNow(new Date(START_TIME.getTime() + 60_000));
    const patched = await t.rz.webhook("PATCH", hook(empty, created.id), {
      url: "https://other.example.com/hook",
      events: ["order.paid"],
    });
    expect(patched.events).toEqual(["order.paid"]);
    expect(patched.url).toBe("https://other.example.com/hook");
    expect(patched.updated_at).toBe(START_SECONDS + 60);
    expect(patched.created_at).toBe(START_SECONDS);
    expect(patched.alert_email).toBe("a@example.com");
    expect((await t.rz.webhook("GET", hook(empty, created.id))).events).toEqual(["order.paid"]);
  });

  it("PATCH takes the undocumented active, secret and alert_email", async () => {
    const created = await t.rz.webhook("POST", hooks(empty), NEW);
    t.setNow(new Date(START_TIME.getTime() + 120_000));
    const off = await t.rz.webhook("PATCH", hook(empty, created.id), {
      ...NEW,
      active: false,
      secret: "new",
      alert_email: "b@example.com",
    });
    expect(off).toMatchObject({
      active: false,
      disabled_at: START_SECONDS + 120,
      secret_exists: true,
      alert_email: "b@example.com",
    });
    const on = await t.rz.webhook("PATCH", hook(empty, created.id), {
      ...NEW,
      active: true,
      secret: "",
    });
    expect(on).toMatchObject({ active: true, disabled_at: 0, secret_exists: false });
  });

  it.each([
    ["without url", { events: ["order.paid"] }, "The url field is required.", "url"],
    ["without events", { url: NEW.url }, "The events field is required.", "events"],
    [
      "with a non-boolean active",
      { ...NEW, active: "yes" },
      "The active field must be true or false.",
      "active",
    ],
    [
      "with an unknown field",
      { ...NEW, description: "x" },
      "description is/are not required and should not be sent",
      "description",
    ],
  ])("PATCH %s is refused", async (_name, body, description, field) => {
    const reply = await t.rz.error("PATCH", hook(aurora, RAZORPAY_SEED.webhooks.auroraOrders), {
      body,
    });
    expect(reply.error).toMatchObject({ code: "BAD_REQUEST_ERROR", description, field });
  });

  it("DELETE answers [] and the webhook is then gone", async () => {
    const path = hook(aurora, RAZORPAY_SEED.webhooks.auroraOrders);
    const deleted = await t.rz.call("DELETE", path);
    expect(deleted).toMatchObject({ status: 200, kind: "deleted", body: [] });
    for (const method of ["GET", "DELETE"]) {
      const gone = await t.rz.error(method, path);
      expect(gone.status).toBe(400);
      expect(gone.error).toMatchObject({
        code: "BAD_REQUEST_ERROR",
        description: "The id provided does not exist",
      });
    }
  });

  it.each(["GET", "PATCH", "DELETE"])(
    "%s of an unknown webhook id says the id does not exist",
    async (method) => {
      const body = method === "PATCH" ? NEW : undefined;
      const reply = await t.rz.error(method, hook(aurora, "AAAAAAAAAAAAAA"), { body });
      expect(reply.error.description).toBe("The id provided does not exist");
    },
  );

  it("does not show one account's webhook through another account", async () => {
    const reply = await t.rz.error("GET", hook(spices, RAZORPAY_SEED.webhooks.auroraPayments));
    expect(reply.error.description).toBe("The id provided does not exist");
  });
});

describe("unknown accounts and routes", () => {
  it.each([
    ["an acc_ id that is not seeded", "acc_AAAAAAAAAAAAAA"],
    ["an id without acc_", aurora.replace(/^acc_/, "")],
  ])("refuses %s with 400 The id provided does not exist", async (_name, account) => {
    for (const [method, path, body] of [
      ["GET", hooks(account), undefined],
      ["POST", hooks(account), NEW],
      ["GET", hook(account, RAZORPAY_SEED.webhooks.auroraPayments), undefined],
    ] as const) {
      const reply = await t.rz.error(method, path, { body });
      expect(reply.status).toBe(400);
      expect(reply.error).toMatchObject({
        code: "BAD_REQUEST_ERROR",
        description: "The id provided does not exist",
      });
    }
  });

  it.each([
    ["GET", "/v1/webhooks"],
    ["GET", `/v2/accounts/${aurora}`],
    ["GET", `${hooks(aurora)}/x/y`],
    ["PUT", hook(aurora, RAZORPAY_SEED.webhooks.auroraPayments)],
    ["POST", hook(aurora, RAZORPAY_SEED.webhooks.auroraPayments)],
    ["DELETE", hooks(aurora)],
  ])(
    "%s %s is an unknown route: 400 The requested URL was not found on the server.",
    async (method, path) => {
      const reply = await t.rz.error(method, path);
      expect(reply.status).toBe(400);
      expect(reply.error).toMatchObject({
        code: "BAD_REQUEST_ERROR",
        description: "The requested URL was not found on the server.",
      });
    },
  );
});
