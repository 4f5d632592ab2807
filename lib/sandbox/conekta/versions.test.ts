import { beforeEach, describe, expect, it } from "vitest";
import type { ConektaErrorBody } from "./errors";
import { DEFAULT_SUBSCRIBED_EVENTS } from "./event-names";
import type { ConektaList, ConektaModernWebhook, ConektaWebhook } from "./resources";
import { CONEKTA_SEED } from "./seed";
import { validateConektaResponse } from "./openapi-validator";
import { API_KEY, setUpConektaSandbox } from "./test-harness";
import { CONEKTA_API_VERSIONS, type ConektaApiVersion } from "./versions";

const { webhooks: W } = CONEKTA_SEED;
type AnyWebhook = ConektaWebhook | ConektaModernWebhook;

/** A create body in the shape of `version`, and the update that sets the events. */
const bodies = (version: ConektaApiVersion, url: string) =>
  version === "2.1.0"
    ? { create: { url, synchronous: false }, events: (events: string[]) => ({ url, events }) }
    : { create: { url }, events: (events: string[]) => ({ subscribed_events: events }) };

// Every reply below is checked by the harness against the spec of the version asked for.
describe.each(CONEKTA_API_VERSIONS)("Conekta sandbox at API %s", (version) => {
  const { api, reset } = setUpConektaSandbox({ version });
  beforeEach(() => reset());

  it("names the version it served in content-type and Conekta-Media-Type", async () => {
    const reply = await api("GET", "/webhooks?limit=1");
    expect(reply.headers.get("content-type")).toBe(`application/vnd.conekta-v${version}+json`);
    expect(reply.headers.get("conekta-media-type")).toBe(
      `conekta-v${version}; format=application/json`,
    );
  });

  it("creates, gets, lists, updates and deletes a webhook in a child company", async () => {
    const child = CONEKTA_SEED.emptyChildId;
    const { create, events } = bodies(version, "https://life.example.com/hook");
    const created = await api<AnyWebhook>("POST", "/webhooks", { child, body: create });
    expect(created.status).toBe(200);
    expect(created.body.subscribed_events).toEqual([...DEFAULT_SUBSCRIBED_EVENTS]);
    const id = created.body.id;

    expect((await api<AnyWebhook>("GET", `/webhooks/${id}`, { child })).body.url).toBe(
      "https://life.example.com/hook",
    );
    // Another company does not see it.
    expect((await api("GET", `/webhooks/${id}`)).status).toBe(404);

    const updated = await api<AnyWebhook>("PUT", `/webhooks/${id}`, {
      child,
      body: events(["order.paid", "charge.paid"]),
    });
    expect(updated.body.subscribed_events).toEqual(["order.paid", "charge.paid"]);
    const list = await api<ConektaList<AnyWebhook>>("GET", "/webhooks", { child });
    expect(list.body.data.map((w) => w.id)).toEqual([id]);

    const deleted = await api<AnyWebhook>("DELETE", `/webhooks/${id}`, { child });
    expect(deleted.status).toBe(200);
    expect("deleted" in deleted.body ? deleted.body.deleted : "absent").toBe(
      version === "2.1.0" ? true : "absent",
    );
    expect((await api("GET", `/webhooks/${id}`, { child })).status).toBe(404);
  });

  it("answers a test call with the webhook and lists the ping event in the version's spec", async () => {
    const tested = await api<AnyWebhook>("POST", `/webhooks/${W.parentOk}/test`);
    expect(tested.body.id).toBe(W.parentOk);
    const events = await api<ConektaList<{ type: string }>>("GET", "/events?limit=5");
    expect(events.body.data[0]?.type).toBe("webhook_ping");
  });

  it("refuses the other version's body fields with the whitelist error", async () => {
    const foreign =
      version === "2.1.0"
        ? { url: "https://x.example.com", synchronous: false, subscribed_events: ["order.paid"] }
        : { url: "https://x.example.com", synchronous: false };
    const reply = await api<ConektaErrorBody>("POST", "/webhooks", { body: foreign });
    expect(reply.status).toBe(422);
    expect(reply.body.details.map((d) => [d.code, d.param])).toEqual([
      [
        "conekta.errors.parameter_validation.whitelist",
        version === "2.1.0" ? "subscribed_events" : "synchronous",
      ],
    ]);
  });
});

describe("Conekta sandbox at API 2.2.0: the 2.2+ webhook", () => {
  const { api, reset } = setUpConektaSandbox({ version: "2.2.0" });
  const old = setUpConektaSandbox({ version: "2.1.0" });
  beforeEach(() => reset());

  it("creates with subscribed_events in one call, active and without 2.1.0's fields", async () => {
    const reply = await api<ConektaModernWebhook>("POST", "/webhooks", {
      body: {
        url: "https://new.example.com/hook",
        subscribed_events: ["order.paid", "order.paid"],
      },
    });
    expect(reply.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/) as string,
      url: "https://new.example.com/hook",
      livemode: false,
      active: true,
      status: "listening",
      subscribed_events: ["order.paid"],
      object: "webhook",
    });
  });

  it("updates any subset of url, subscribed_events and active; absent fields are kept", async () => {
    const id = W.parentSlow;
    const before = await api<ConektaModernWebhook>("GET", `/webhooks/${id}`);
    const off = await api<ConektaModernWebhook>("PUT", `/webhooks/${id}`, {
      body: { active: false },
    });
    expect(off.body).toEqual({ ...before.body, active: false });
    const moved = await api<ConektaModernWebhook>("PUT", `/webhooks/${id}`, {
      body: { url: "https://moved.example.com" },
    });
    expect(moved.body).toMatchObject({ url: "https://moved.example.com", active: false });
    expect(moved.body.subscribed_events).toEqual(before.body.subscribed_events);
  });

  it("refuses 2.1.0's events field and unknown event names on update", async () => {
    const events = await api<ConektaErrorBody>("PUT", `/webhooks/${W.parentOk}`, {
      body: { events: ["order.paid"] },
    });
    expect(events.body.details.map((d) => [d.code, d.param])).toEqual([
      ["conekta.errors.parameter_validation.whitelist", "events"],
    ]);
    const unknown = await api<ConektaErrorBody>("PUT", `/webhooks/${W.parentOk}`, {
      body: { subscribed_events: ["webhook.ping"] },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.details[0]?.param).toBe("subscribed_events");
  });

  it("shows the seeded description and inactive webhook, which 2.1.0 does not show", async () => {
    const list = await api<ConektaList<ConektaModernWebhook>>("GET", "/webhooks?limit=250");
    const ok = list.body.data.find((w) => w.id === W.parentOk);
    expect(ok?.description).toBe("Pedidos del grupo");
    expect(list.body.data.filter((w) => !w.active)).toHaveLength(1);
    const atOld = await old.api<ConektaWebhook>("GET", `/webhooks/${W.parentOk}`);
    expect(atOld.body).not.toHaveProperty("description");
    expect(atOld.body).not.toHaveProperty("active");
  });
});

describe("Conekta sandbox: which version a request gets", () => {
  const { sandbox } = setUpConektaSandbox();

  it.each([
    ["no Accept header", undefined, "2.1.0"],
    ["plain JSON", "application/json", "2.1.0"],
    ["a version it does not emulate", "application/vnd.conekta-v2.3.0+json", "2.1.0"],
    ["2.2.0", "application/vnd.conekta-v2.2.0+json", "2.2.0"],
  ])("serves %s with %s", async (_, accept, served) => {
    const response = await fetch(`${sandbox().url}/conekta/webhooks/${W.parentOk}`, {
      headers: { authorization: `Bearer ${API_KEY}`, ...(accept ? { accept } : {}) },
    });
    const body = (await response.json()) as AnyWebhook;
    expect(response.headers.get("conekta-media-type")).toBe(
      `conekta-v${served}; format=application/json`,
    );
    expect("synchronous" in body).toBe(served === "2.1.0");
    const result = validateConektaResponse("GET", "/webhooks/{id}", 200, body, {
      contentType: response.headers.get("content-type"),
      version: served as ConektaApiVersion,
    });
    expect(result.errors).toEqual([]);
  });
});

describe("Conekta sandbox: the quirk of a create that ignores X-Child-Company-Id", () => {
  const { api, reset, setQuirks } = setUpConektaSandbox({ version: "2.2.0" });
  beforeEach(() => reset());

  it("creates in the holding when switched on, and in the child again after reset", async () => {
    await setQuirks({ ignoreChildCompanyHeaderOn: ["create"] });
    const child = CONEKTA_SEED.emptyChildId;
    const body = { url: "https://stray.example.com" };
    const stray = await api<AnyWebhook>("POST", "/webhooks", { child, body });
    expect((await api("GET", `/webhooks/${stray.body.id}`, { child })).status).toBe(404);
    expect((await api("GET", `/webhooks/${stray.body.id}`)).status).toBe(200);

    await reset();
    const placed = await api<AnyWebhook>("POST", "/webhooks", { child, body });
    expect((await api("GET", `/webhooks/${placed.body.id}`, { child })).status).toBe(200);
  });
});
