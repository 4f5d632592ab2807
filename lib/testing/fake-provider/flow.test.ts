// A third provider in one folder: FakePay (this folder) is registered the way a line in the
// registries would add it, and the console's API runs the whole webhook flow against it. Nothing
// outside this folder names it.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { withTestDatabase } from "@/lib/db/testing";
import { call, errorOf, signedInUser } from "@/lib/users/testing";
import { pingResultSchema, webhookPageSchema, webhookSchema } from "@/lib/webhooks/model";
import * as accountsRoute from "@/app/api/[provider]/accounts/route";
import * as eventsRoute from "@/app/api/[provider]/events/route";
import * as webhooksRoute from "@/app/api/[provider]/[account]/webhooks/route";
import * as webhookRoute from "@/app/api/[provider]/[account]/webhooks/[id]/route";
import * as pingRoute from "@/app/api/[provider]/[account]/webhooks/[id]/ping/route";
import { registerFakepay } from ".";
import { startFakepay, type FakepayServer } from "./server";

const KEY = "fakepay_secret_key_123";
let fakepay: FakepayServer;
withTestDatabase("pglite");

beforeAll(async () => {
  fakepay = await startFakepay(KEY);
  // Its own variables, read by its own env schema (the console's env is parsed on first use).
  vi.stubEnv("FAKEPAY_API_KEY", KEY);
  vi.stubEnv("FAKEPAY_API_BASE", fakepay.url);
  registerFakepay();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await fakepay.close();
});

const params = { provider: "fakepay", account: "main" };
const base = "/api/fakepay/main/webhooks";

describe("a fake third provider, through the console API", () => {
  it("lists, creates, edits, pings and deletes a webhook", async () => {
    const admin = await signedInUser("admin");
    const accounts = await call(accountsRoute.GET, {
      cookie: admin.cookie,
      path: "/api/fakepay/accounts",
      params: { provider: "fakepay" },
    });
    expect(accounts.status).toBe(200);
    expect(JSON.stringify(accounts.json)).toContain("FakePay main account");

    const events = await call(eventsRoute.GET, {
      cookie: admin.cookie,
      path: "/api/fakepay/events",
      params: { provider: "fakepay" },
    });
    expect(JSON.stringify(events.json)).toContain("payment.made");

    const created = await call(webhooksRoute.POST, {
      cookie: admin.cookie,
      method: "POST",
      path: base,
      params,
      body: { url: "https://hooks.example.com/fake", events: ["payment.made"] },
    });
    expect(created.status).toBe(201);
    const webhook = webhookSchema.parse(created.json);
    expect(fakepay.hooks.get(webhook.id)).toEqual({
      id: webhook.id,
      url: "https://hooks.example.com/fake",
      topics: ["payment.made"],
    });

    const list = await call(webhooksRoute.GET, { cookie: admin.cookie, path: base, params });
    expect(list.status).toBe(200);
    expect(webhookPageSchema.parse(list.json).data.map((w) => w.id)).toEqual([webhook.id]);
    expect(list.json).toMatchObject({ quota: { used: 1, max: 3 } });

    const one = { ...params, id: webhook.id };
    const edited = await call(webhookRoute.PATCH, {
      cookie: admin.cookie,
      method: "PATCH",
      path: `${base}/${webhook.id}`,
      params: one,
      body: { events: ["payment.made", "payment.lost"] },
    });
    expect(edited.status).toBe(200);
    expect(fakepay.hooks.get(webhook.id)?.topics).toEqual(["payment.made", "payment.lost"]);

    const ping = await call(pingRoute.POST, {
      cookie: admin.cookie,
      method: "POST",
      path: `${base}/${webhook.id}/ping`,
      params: one,
    });
    expect(ping.status).toBe(200);
    expect(pingResultSchema.parse(ping.json)).toMatchObject({
      outcome: "delivered",
      httpStatus: 204,
    });

    const deleted = await call(webhookRoute.DELETE, {
      cookie: admin.cookie,
      method: "DELETE",
      path: `${base}/${webhook.id}`,
      params: one,
    });
    expect(deleted.status).toBe(204);
    expect(fakepay.hooks.size).toBe(0);
    // The key never left the server.
    for (const reply of [accounts, events, created, list, edited, ping])
      expect(JSON.stringify(reply.json)).not.toContain(KEY);
  });

  it("checks its URL rule and its fields before FakePay sees the request", async () => {
    const admin = await signedInUser("admin");
    const before = fakepay.seen.length;
    const plainHttp = await call(webhooksRoute.POST, {
      cookie: admin.cookie,
      method: "POST",
      path: base,
      params,
      body: { url: "http://hooks.example.com/fake", events: ["payment.made"] },
    });
    expect(plainHttp.status).toBe(422);
    expect(errorOf(plainHttp).fields?.url).toBeDefined();
    // A field only other providers keep (an alert email) is refused, not forwarded.
    const extraField = await call(webhooksRoute.POST, {
      cookie: admin.cookie,
      method: "POST",
      path: base,
      params,
      body: { url: "https://hooks.example.com/x", events: ["payment.made"], alertEmail: "a@b.co" },
    });
    expect(extraField.status).toBe(422);
    expect(fakepay.seen.length).toBe(before);
  });
});
