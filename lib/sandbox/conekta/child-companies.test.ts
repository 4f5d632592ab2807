import { beforeEach, describe, expect, it } from "vitest";
import type { ConektaErrorBody } from "./errors";
import type { ConektaEvent, ConektaList, ConektaWebhook } from "./resources";
import { CONEKTA_SEED } from "./seed";
import { setUpConektaSandbox } from "./test-harness";

const { api, sandbox, reset, settledPing } = setUpConektaSandbox();

beforeEach(reset);

const A = CONEKTA_SEED.emptyChildId;
const B = CONEKTA_SEED.otherChildId;

async function createIn(child: string | undefined, url: string): Promise<ConektaWebhook> {
  const reply = await api<ConektaWebhook>("POST", "/webhooks", {
    child,
    body: { url, synchronous: false },
  });
  expect(reply.status).toBe(200);
  return reply.body;
}

async function idsIn(child?: string): Promise<string[]> {
  const reply = await api<ConektaList<ConektaWebhook>>("GET", "/webhooks?limit=250", { child });
  return reply.body.data.map((w) => w.id);
}

describe("Conekta sandbox: X-Child-Company-Id", () => {
  it("scopes list: each company sees only its own webhooks", async () => {
    expect(await idsIn(A)).toEqual([]);
    expect(await idsIn(B)).toEqual([CONEKTA_SEED.webhooks.otherChildOk]);
    expect(await idsIn()).toHaveLength(CONEKTA_SEED.parentWebhookCount);
    expect(await idsIn(CONEKTA_SEED.fullChildId)).toHaveLength(10);
  });

  it("scopes create: a webhook created for child A is visible to A only", async () => {
    const created = await createIn(A, "https://a.example.com/hook");
    expect(await idsIn(A)).toEqual([created.id]);
    expect(await idsIn()).not.toContain(created.id);
    expect(await idsIn(B)).not.toContain(created.id);
  });

  it("scopes get, update, delete and test to the company that owns the webhook", async () => {
    const { id } = await createIn(A, `${sandbox().url}/receivers/ok/child-a-scope`);
    const outsiders: (string | undefined)[] = [undefined, B];
    for (const child of outsiders) {
      expect((await api("GET", `/webhooks/${id}`, { child })).status).toBe(404);
      expect(
        (await api("PUT", `/webhooks/${id}`, { child, body: { url: "https://x.example.com" } }))
          .status,
      ).toBe(404);
      expect((await api("POST", `/webhooks/${id}/test`, { child })).status).toBe(404);
      expect((await api("DELETE", `/webhooks/${id}`, { child })).status).toBe(404);
    }
    expect((await api("GET", `/webhooks/${id}`, { child: A })).status).toBe(200);
    const updated = await api<ConektaWebhook>("PUT", `/webhooks/${id}`, {
      child: A,
      body: { url: `${sandbox().url}/receivers/ok/child-a-moved` },
    });
    expect(updated.body.url).toBe(`${sandbox().url}/receivers/ok/child-a-moved`);
    expect((await api("POST", `/webhooks/${id}/test`, { child: A })).status).toBe(200);
    expect(
      (await api<ConektaWebhook>("DELETE", `/webhooks/${id}`, { child: A })).body.deleted,
    ).toBe(true);

    // The parent's own webhook is likewise invisible from a child.
    expect(
      (await api("GET", `/webhooks/${CONEKTA_SEED.webhooks.parentOk}`, { child: A })).status,
    ).toBe(404);
  });

  it("scopes events: a child's ping is in the child's events, not the holding's", async () => {
    const url = `${sandbox().url}/receivers/ok/child-a-events`;
    const { id } = await createIn(A, url);
    await api("POST", `/webhooks/${id}/test`, { child: A });
    const event = await settledPing(url, A);
    expect(event.webhook_logs[0]?.last_http_response_status).toBe(200);
    const parentEvents = await api<ConektaList<ConektaEvent>>("GET", "/events?limit=250");
    expect(parentEvents.body.data.map((e) => e.id)).not.toContain(event.id);
    expect((await api("GET", `/events/${event.id}`, { child: A })).status).toBe(200);
    expect((await api("GET", `/events/${event.id}`)).status).toBe(404);
  });

  it("answers an unknown child company id with a 404 naming the company", async () => {
    const unknown = "aaaaaaaaaaaaaaaaaaaaaaaa";
    const calls: [string, string, unknown][] = [
      ["GET", "/webhooks", undefined],
      ["POST", "/webhooks", { url: "https://x.example.com", synchronous: false }],
      ["GET", `/webhooks/${CONEKTA_SEED.webhooks.parentOk}`, undefined],
      ["GET", "/events", undefined],
    ];
    for (const [method, path, body] of calls) {
      const reply = await api<ConektaErrorBody>(method, path, { child: unknown, body });
      expect(reply.status).toBe(404);
      expect(reply.body.type).toBe("resource_not_found_error");
      expect(reply.body.details[0]?.debug_message).toBe(
        `The object Company "${unknown}" could not be found.`,
      );
    }
    // The holding is not its own child.
    expect((await api("GET", "/webhooks", { child: CONEKTA_SEED.parentCompanyId })).status).toBe(
      404,
    );
  });

  it("reports the child company as the request's account, so faults can target one company", async () => {
    const fault = { provider: "conekta", kind: "status", status: 500, account: A, times: 1 };
    await fetch(`${sandbox().url}/__control/faults`, {
      method: "POST",
      body: JSON.stringify(fault),
    });
    expect((await api("GET", "/webhooks")).status).toBe(200);
    expect((await api("GET", "/webhooks", { child: B })).status).toBe(200);
    expect((await api("GET", "/webhooks", { child: A })).status).toBe(500);

    const parentFault = {
      provider: "conekta",
      kind: "status",
      status: 503,
      account: "default",
      times: 1,
    };
    await fetch(`${sandbox().url}/__control/faults`, {
      method: "POST",
      body: JSON.stringify(parentFault),
    });
    expect((await api("GET", "/webhooks", { child: A })).status).toBe(200);
    expect((await api("GET", "/webhooks")).status).toBe(503);
  });
});
