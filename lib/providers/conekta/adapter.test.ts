import { beforeEach, describe, expect, it } from "vitest";
import { AppError, toErrorResponse } from "@/lib/http/errors";
import { encodeCursor } from "@/lib/providers/cursor";
import { CONEKTA_SEED } from "@/lib/sandbox/conekta/seed";
import { setConektaQuirks } from "@/lib/sandbox/conekta/test-harness";
import { CONEKTA_API_VERSIONS } from "@/lib/sandbox/conekta/versions";
import { failure, present, SANDBOX_TEST_KEYS, useSandbox } from "@/lib/testing/sandbox";
import { createConektaAdapter } from "./adapter";

// The adapter against the sandbox at each API version; its paging and counting are in
// ./adapter-paging.test.ts, what needs no sandbox in ./adapter-offline.test.ts.

describe.each(CONEKTA_API_VERSIONS)("Conekta adapter against the sandbox at API %s", (version) => {
  const sandbox = useSandbox();
  const adapter = ({ apiKey = SANDBOX_TEST_KEYS.conektaApiKey, timeoutMs = 2000 } = {}) =>
    createConektaAdapter({
      apiKey,
      apiBase: `${sandbox().url}/conekta`,
      apiVersion: version,
      timeoutMs,
      ping: { followMs: 3000, pollMs: 100 },
    });
  const holding = { account: "default", language: "en" } as const;

  /** The webhook as Conekta stores it, credentials and all, read without the adapter. */
  async function rawWebhook(id: string, child?: string) {
    const response = await fetch(`${sandbox().url}/conekta/webhooks/${id}`, {
      headers: {
        authorization: `Bearer ${SANDBOX_TEST_KEYS.conektaApiKey}`,
        accept: "application/vnd.conekta-v2.1.0+json",
        ...(child ? { "x-child-company-id": child } : {}),
      },
    });
    return {
      status: response.status,
      body: (await response.json()) as { url: string; subscribed_events: string[] },
    };
  }

  beforeEach(() => sandbox().reset());

  describe("paging", () => {
    it("pages the holding's 7 webhooks by 3 (3, 3, 1) and back to identical pages", async () => {
      const conekta = adapter();
      const list = (cursor?: string) => conekta.listWebhooks({ ...holding, limit: 3, cursor });

      const first = await list();
      const second = await list(present(first.page.next, "next cursor"));
      const third = await list(present(second.page.next, "next cursor"));
      expect([first.data.length, second.data.length, third.data.length]).toEqual([3, 3, 1]);
      expect(first.page).toMatchObject({ previous: null, hasMore: true });
      expect(second.page).toMatchObject({ hasMore: true });
      expect(second.page.previous).not.toBeNull();
      expect(third.page).toMatchObject({ next: null, hasMore: false });

      const ids = (page: typeof first) => page.data.map((w) => w.id);
      const all = [...ids(first), ...ids(second), ...ids(third)];
      expect(new Set(all).size).toBe(CONEKTA_SEED.parentWebhookCount);
      expect(all).toContain(CONEKTA_SEED.webhooks.parentOk);
      // Newest first: ids are ObjectId-like, so they sort by creation.
      expect(all).toEqual([...all].sort().reverse());

      const backToSecond = await list(present(third.page.previous, "previous cursor"));
      expect(ids(backToSecond)).toEqual(ids(second));
      expect(backToSecond.page.next).not.toBeNull();
      const backToFirst = await list(present(backToSecond.page.previous, "previous cursor"));
      expect(ids(backToFirst)).toEqual(ids(first));
      expect(backToFirst.page).toEqual({ next: first.page.next, previous: null, hasMore: true });
      expect(backToFirst.data.every((w) => w.account === "default")).toBe(true);
    });

    it("pages the 12 child companies by 10, with the holding first on the first page only", async () => {
      const conekta = adapter();
      const first = await conekta.listAccounts({ language: "en" });
      expect(first.data).toHaveLength(11);
      expect(first.data[0]).toEqual({
        id: "default",
        // The holding's own name, from GET /companies/current.
        name: CONEKTA_SEED.parentCompanyName,
        provider: "conekta",
        kind: "holding",
      });
      expect(first.page).toMatchObject({ previous: null, hasMore: true });

      const second = await conekta.listAccounts({
        language: "en",
        cursor: present(first.page.next, "next cursor"),
      });
      expect(second.data).toHaveLength(2);
      expect(second.data.map((a) => a.id)).not.toContain("default");
      expect(second.page).toMatchObject({ next: null, hasMore: false });

      const children = [...first.data.slice(1), ...second.data].map((a) => a.id);
      expect(new Set(children).size).toBe(CONEKTA_SEED.childCount);
      expect(children).toEqual(
        expect.arrayContaining([CONEKTA_SEED.fullChildId, CONEKTA_SEED.emptyChildId]),
      );

      const back = await conekta.listAccounts({
        language: "en",
        cursor: present(second.page.previous, "previous cursor"),
      });
      expect(back.data).toEqual(first.data);
      expect(back.page.previous).toBeNull();
    });

    it("refuses a tampered cursor with a 400 before calling Conekta", async () => {
      const error = await failure(
        adapter().listWebhooks({ ...holding, limit: 3, cursor: encodeCursor({ o: 3 }) }),
      );
      expect(error).toBeInstanceOf(AppError);
      expect(error.status).toBe(400);
    });
  });

  describe("looking up one account", () => {
    it("names the holding and a child company, as the account list does", async () => {
      const conekta = adapter();
      const [first, second] = (await conekta.listAccounts({ language: "en" })).data;
      expect(await conekta.getAccount(holding)).toEqual(first);
      expect(second?.id).not.toBe("default");
      expect(await conekta.getAccount({ account: present(second?.id), language: "en" })).toEqual(
        second,
      );
    });

    it("names the holding by its kind when Conekta cannot say its name, and asks again later", async () => {
      sandbox().faults.add({
        provider: "conekta",
        kind: "status",
        status: 500,
        path: "^/companies/current$",
        retryAfter: 1,
        times: 1,
      });
      const conekta = adapter();
      expect(await conekta.getAccount(holding)).toEqual({
        id: "default",
        name: "",
        provider: "conekta",
        kind: "holding",
      });
      // The failure is not kept: the next look-up has the name.
      expect((await conekta.getAccount(holding)).name).toBe(CONEKTA_SEED.parentCompanyName);
    });

    it("says not_found for an unknown company and for the holding's own id", async () => {
      const conekta = adapter();
      for (const account of ["ffffffffffffffffffffffff", CONEKTA_SEED.parentCompanyId, "acc_x"]) {
        const error = await failure(conekta.getAccount({ account, language: "en" }));
        expect(error.status, account).toBe(404);
        expect(error.message).toBe(`There is no Conekta company “${account}”.`);
      }
    });
  });

  describe("creating and editing", () => {
    it("creates with its events in the child company (2.1.0: a second call; 2.2.0: one)", async () => {
      const scope = { account: CONEKTA_SEED.emptyChildId, language: "en" } as const;
      const created = await adapter().createWebhook(scope, {
        url: "https://example.com/orders",
        events: ["order.paid", "charge.paid"],
      });
      expect(created).toMatchObject({
        account: scope.account,
        events: ["order.paid", "charge.paid"],
        // Only 2.2+ webhooks say whether they are active.
        active: version === "2.1.0" ? null : true,
      });
      const raw = await rawWebhook(created.id, scope.account);
      expect(raw.body.subscribed_events).toEqual(["order.paid", "charge.paid"]);
      // It landed on the child company, not on the holding.
      expect((await rawWebhook(created.id)).status).toBe(404);
    });

    it("gets, lists, edits and deletes a webhook of a child company", async () => {
      const conekta = adapter();
      const scope = { account: CONEKTA_SEED.otherChildId, language: "en" } as const;
      const id = CONEKTA_SEED.webhooks.otherChildOk;
      const listed = await conekta.listWebhooks({ ...scope, limit: 10 });
      expect(listed.data.map((w) => w.id)).toEqual([id]);
      expect(await conekta.getWebhook(scope, id)).toEqual(listed.data[0]);

      const edited = await conekta.updateWebhook(scope, id, {
        url: "https://example.com/edited",
        events: ["charge.paid"],
      });
      expect(edited).toMatchObject({ url: "https://example.com/edited", events: ["charge.paid"] });
      expect((await rawWebhook(id, scope.account)).body.url).toBe("https://example.com/edited");

      await conekta.deleteWebhook(scope, id);
      expect((await rawWebhook(id, scope.account)).status).toBe(404);
      expect((await conekta.listWebhooks({ ...scope, limit: 10 })).data).toEqual([]);
    });

    it("refuses a create that Conekta put in another company, naming the webhook", async () => {
      // The real API might ignore X-Child-Company-Id on create (the spec does not declare it there).
      await setConektaQuirks(sandbox().url, { ignoreChildCompanyHeaderOn: ["create"] });
      const account = CONEKTA_SEED.emptyChildId;
      const error = await failure(
        adapter().createWebhook(
          { account, language: "en" },
          { url: "https://example.com/stray", events: ["order.paid"] },
        ),
      );
      expect(error).toMatchObject({ code: "provider_error", status: 502 });
      expect(error.text?.key).toBe("conektaChildCompanyMismatch");
      const stray = present(/webhook ([0-9a-f]{24})/.exec(error.message)?.[1], "webhook id");
      expect(error.message).toBe(
        `Conekta created webhook ${stray}, but not in the company “${account}”: it ignored the ` +
          "child company and put the webhook elsewhere, most likely in the holding company. " +
          "Look for it there and delete it, then create it again.",
      );
      expect((await rawWebhook(stray)).status).toBe(200);
      expect((await rawWebhook(stray, account)).status).toBe(404);
      // At 2.1.0 no events were subscribed to a webhook in the wrong company.
      if (version === "2.1.0")
        expect((await rawWebhook(stray)).body.subscribed_events).not.toEqual(["order.paid"]);
    });

    it("does not read a holding's create back: the header is not sent there", async () => {
      await setConektaQuirks(sandbox().url, { ignoreChildCompanyHeaderOn: ["create"] });
      const created = await adapter().createWebhook(holding, {
        url: "https://example.com/holding",
        events: [],
      });
      expect((await rawWebhook(created.id)).status).toBe(200);
    });

    // Only 2.1.0 creates in two calls, so only there can a create half-succeed.
    if (version === "2.1.0") {
      it("reports a create whose events failed to save, naming the webhook that now exists", async () => {
        const account = CONEKTA_SEED.emptyChildId;
        sandbox().faults.add({
          provider: "conekta",
          method: "PUT",
          account,
          kind: "status",
          status: 500,
          retryAfter: 1,
          times: 1,
        });
        const error = await failure(
          adapter().createWebhook(
            { account, language: "en" },
            {
              url: "https://example.com/half",
              events: ["order.paid"],
            },
          ),
        );

        expect(error.status).toBe(502);
        expect(error.message).toMatch(/created, but its events could not be saved/);
        const webhook = present(error.createdWebhook?.id, "created webhook");
        expect(error.createdWebhook).toMatchObject({ account, url: "https://example.com/half" });
        expect(toErrorResponse(error, "req_1").body.error.webhook?.id).toBe(webhook);

        const raw = await rawWebhook(webhook, account);
        expect(raw.status).toBe(200);
        expect(raw.body.subscribed_events).not.toEqual(["order.paid"]);
      });
    }

    it("keeps the credentials when the masked URL comes back unchanged", async () => {
      const conekta = adapter();
      const id = CONEKTA_SEED.webhooks.parentWithCredentials;
      const stored = (await rawWebhook(id)).body.url;
      expect(stored).toContain("demo:s3cret@");

      const shown = await conekta.getWebhook(holding, id);
      expect(shown.url).toBe(stored.replace("demo:s3cret@", "****:****@"));
      const updated = await conekta.updateWebhook(holding, id, {
        url: shown.url,
        events: ["charge.paid"],
      });
      expect(updated.url).toBe(shown.url);
      expect(JSON.stringify(updated)).not.toContain("s3cret");

      const after = await rawWebhook(id);
      expect(after.body.url).toBe(stored);
      expect(after.body.subscribed_events).toEqual(["charge.paid"]);
    });

    it("sends a new URL with new credentials as typed", async () => {
      const id = CONEKTA_SEED.webhooks.parentWithCredentials;
      const updated = await adapter().updateWebhook(holding, id, {
        url: "https://ops:n3w@example.com/hook",
      });
      expect(updated.url).toBe("https://****:****@example.com/hook");
      expect((await rawWebhook(id)).body.url).toBe("https://ops:n3w@example.com/hook");
    });
  });

  describe("errors from the sandbox", () => {
    it("says conflict for an 11th webhook", async () => {
      const error = await failure(
        adapter().createWebhook(
          { account: CONEKTA_SEED.fullChildId, language: "en" },
          {
            url: "https://example.com/eleventh",
            events: [],
          },
        ),
      );
      expect(error).toMatchObject({ code: "conflict", status: 409 });
    });

    it("says not_found for an unknown webhook", async () => {
      const error = await failure(adapter().getWebhook(holding, "ffffffffffffffffffffffff"));
      expect(error).toMatchObject({ code: "not_found", status: 404 });
      expect(error.provider?.logId).toMatch(/^[0-9a-f]{24}$/);
    });

    it("says invalid_fields on events for an unknown event name", async () => {
      const error = await failure(
        adapter().updateWebhook(holding, CONEKTA_SEED.webhooks.parentOk, {
          events: ["webhook.ping"],
        }),
      );
      expect(error).toMatchObject({ code: "invalid_fields", status: 422 });
      expect(Object.keys(error.fields ?? {})).toEqual(["events"]);
    });

    it("blames the console's key for a 401", async () => {
      const error = await failure(
        adapter({ apiKey: "key_wrong" }).listWebhooks({ ...holding, limit: 3 }),
      );
      expect(error).toMatchObject({ code: "provider_error", status: 502 });
      expect(error.message).toContain("CONEKTA_API_KEY");
    });

    it("passes on a 429's Retry-After", async () => {
      sandbox().faults.add({ provider: "conekta", kind: "rate-limit", retryAfter: 9, times: 1 });
      const error = await failure(adapter().listWebhooks({ ...holding, limit: 3 }));
      expect(error).toMatchObject({ code: "rate_limited", retryAfterSeconds: 9 });
    });

    it.each(["malformed", "reset"] as const)(
      "says provider_error, not a crash, for a %s reply",
      async (kind) => {
        // No `times`: a read is asked again after a reset, so a one-off reset would be survived.
        sandbox().faults.add({ provider: "conekta", kind, retryAfter: 1 });
        const error = await failure(adapter().listWebhooks({ ...holding, limit: 3 }));
        expect(error).toBeInstanceOf(AppError);
        expect(error).toMatchObject({ code: "provider_error", status: 502 });
      },
    );

    it("says provider_timeout when Conekta is too slow", async () => {
      sandbox().faults.add({
        provider: "conekta",
        kind: "latency",
        latencyMs: 500,
        retryAfter: 1,
        times: 1,
      });
      const error = await failure(
        adapter({ timeoutMs: 150 }).listWebhooks({ ...holding, limit: 3 }),
      );
      expect(error).toMatchObject({ code: "provider_timeout", status: 504 });
    });
  });
});
