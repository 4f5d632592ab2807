import { beforeEach, describe, expect, it } from "vitest";
import type { ConektaErrorBody } from "./errors";
import type { ConektaCompany, ConektaEvent, ConektaList, ConektaWebhook } from "./resources";
import { CONEKTA_SEED } from "./seed";
import { setUpConektaSandbox } from "./test-harness";

const { api, sandbox, reset } = setUpConektaSandbox();

beforeEach(reset);

/** The part of a page URL after `/conekta`, so that the test follows it like a client would. */
function follow(pageUrl: string | null): string {
  expect(pageUrl).not.toBeNull();
  const url = new URL(pageUrl ?? "");
  expect(url.origin).toBe(sandbox().url);
  expect(url.pathname.startsWith("/conekta/")).toBe(true);
  return `${url.pathname.slice("/conekta".length)}${url.search}`;
}

describe("Conekta sandbox: list paging", () => {
  it("pages the holding's 7 webhooks by 5 with next and previous, newest first", async () => {
    const all = await api<ConektaList<ConektaWebhook>>("GET", "/webhooks");
    expect(all.body).toMatchObject({
      object: "list",
      has_more: false,
      next_page_url: null,
      previous_page_url: null,
    });
    const ids = all.body.data.map((w) => w.id);
    expect(ids).toHaveLength(CONEKTA_SEED.parentWebhookCount);
    expect([...ids].sort().reverse()).toEqual(ids);

    const first = await api<ConektaList<ConektaWebhook>>("GET", "/webhooks?limit=5");
    expect(first.body.data.map((w) => w.id)).toEqual(ids.slice(0, 5));
    expect(first.body.has_more).toBe(true);
    expect(first.body.previous_page_url).toBeNull();
    const nextUrl = new URL(first.body.next_page_url ?? "");
    expect(nextUrl.searchParams.get("next")).toBe(ids[4]);
    expect(nextUrl.searchParams.get("limit")).toBe("5");

    const second = await api<ConektaList<ConektaWebhook>>("GET", follow(first.body.next_page_url));
    expect(second.body.data.map((w) => w.id)).toEqual(ids.slice(5));
    expect(second.body.has_more).toBe(false);
    expect(second.body.next_page_url).toBeNull();
    expect(new URL(second.body.previous_page_url ?? "").searchParams.get("previous")).toBe(ids[5]);

    const back = await api<ConektaList<ConektaWebhook>>(
      "GET",
      follow(second.body.previous_page_url),
    );
    expect(back.body.data.map((w) => w.id)).toEqual(ids.slice(0, 5));
    expect(back.body.previous_page_url).toBeNull();
    expect(back.body.next_page_url).toBe(first.body.next_page_url);
  });

  it("keeps paging when the cursor's own item has been deleted", async () => {
    const first = await api<ConektaList<ConektaWebhook>>("GET", "/webhooks?limit=3");
    const last = first.body.data.at(-1)?.id ?? "";
    await api("DELETE", `/webhooks/${last}`);
    const second = await api<ConektaList<ConektaWebhook>>("GET", follow(first.body.next_page_url));
    expect(second.body.data).toHaveLength(3);
    expect(second.body.data.every((w) => w.id < last)).toBe(true);
  });

  it.each(["0", "251", "-1", "abc", "2.5"])(
    "refuses limit=%s with a 422 naming limit",
    async (limit) => {
      const reply = await api<ConektaErrorBody>("GET", `/webhooks?limit=${limit}`);
      expect(reply.status).toBe(422);
      expect(reply.body.details[0]).toMatchObject({
        param: "limit",
        code: "conekta.errors.parameter_validation.limit.invalid",
      });
    },
  );

  it("accepts the bounds 1 and 250", async () => {
    expect(
      (await api<ConektaList<ConektaWebhook>>("GET", "/webhooks?limit=1")).body.data,
    ).toHaveLength(1);
    expect(
      (await api<ConektaList<ConektaWebhook>>("GET", "/webhooks?limit=250")).body.data,
    ).toHaveLength(7);
  });

  it("refuses a malformed cursor and next together with previous", async () => {
    const bad = await api<ConektaErrorBody>("GET", "/webhooks?next=nope");
    expect(bad.body.details[0]?.param).toBe("next");
    const id = CONEKTA_SEED.webhooks.parentOk;
    const both = await api<ConektaErrorBody>("GET", `/webhooks?next=${id}&previous=${id}`);
    expect(both.status).toBe(422);
    expect(both.body.details[0]?.param).toBe("previous");
  });
});

describe("Conekta sandbox: webhook filters", () => {
  it("search matches a case-insensitive substring of the URL and pages within the matches", async () => {
    const reply = await api<ConektaList<ConektaWebhook>>("GET", "/webhooks?search=GRUPO-&limit=2");
    expect(reply.body.data).toHaveLength(2);
    expect(reply.body.data.every((w) => w.url.includes("grupo-"))).toBe(true);
    const nextUrl = new URL(reply.body.next_page_url ?? "");
    expect(nextUrl.searchParams.get("search")).toBe("GRUPO-");
    const fails = await api<ConektaList<ConektaWebhook>>(
      "GET",
      "/webhooks?search=/receivers/fail/",
    );
    expect(fails.body.data.map((w) => w.id)).toContain(CONEKTA_SEED.webhooks.parentFail);
    expect(fails.body.data.every((w) => w.url.includes("/receivers/fail/"))).toBe(true);
    const none = await api<ConektaList<ConektaWebhook>>("GET", "/webhooks?search=no-such-thing");
    expect(none.body).toMatchObject({
      data: [],
      has_more: false,
      next_page_url: null,
      previous_page_url: null,
    });
  });

  it("url filters by the exact URL only", async () => {
    const target = await api<ConektaWebhook>("GET", `/webhooks/${CONEKTA_SEED.webhooks.parentOk}`);
    const exact = await api<ConektaList<ConektaWebhook>>(
      "GET",
      `/webhooks?url=${encodeURIComponent(target.body.url)}`,
    );
    expect(exact.body.data.map((w) => w.id)).toEqual([CONEKTA_SEED.webhooks.parentOk]);
    const partial = await api<ConektaList<ConektaWebhook>>(
      "GET",
      `/webhooks?url=${encodeURIComponent(target.body.url.slice(0, -1))}`,
    );
    expect(partial.body.data).toEqual([]);
  });
});

describe("Conekta sandbox: companies", () => {
  it("lists the 12 child companies in pages of 5 with every company field", async () => {
    const seen: ConektaCompany[] = [];
    let path: string | null = "/companies?limit=5";
    const sizes: number[] = [];
    while (path) {
      const page: ConektaList<ConektaCompany> = (
        await api<ConektaList<ConektaCompany>>("GET", path)
      ).body;
      sizes.push(page.data.length);
      seen.push(...page.data);
      path = page.next_page_url ? follow(page.next_page_url) : null;
    }
    expect(sizes).toEqual([5, 5, 2]);
    expect(new Set(seen.map((c) => c.id)).size).toBe(CONEKTA_SEED.childCount);
    expect(
      seen.every(
        (c) => c.parent_company_id === CONEKTA_SEED.parentCompanyId && c.object === "company",
      ),
    ).toBe(true);
    expect(seen.map((c) => c.id)).toContain(CONEKTA_SEED.fullChildId);
    expect(seen[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/) as string,
      name: expect.any(String) as string,
      parent_company_id: CONEKTA_SEED.parentCompanyId,
      created_at: expect.any(Number) as number,
      use_parent_fiscal_data: true,
      object: "company",
    });
  });

  it("searches companies by name, ignoring case and accents, or by id", async () => {
    const cafe = await api<ConektaList<ConektaCompany>>("GET", "/companies?search=cafe%20central");
    expect(cafe.body.data.map((c) => c.name)).toEqual(["Café Central CDMX"]);
    const byId = await api<ConektaList<ConektaCompany>>(
      "GET",
      `/companies?search=${CONEKTA_SEED.emptyChildId}`,
    );
    expect(byId.body.data.map((c) => c.name)).toEqual(["Farmacia Roma"]);
    const limited = await api<ConektaErrorBody>("GET", "/companies?limit=251");
    expect(limited.status).toBe(422);
  });

  it("gets one company; a child sees no children", async () => {
    const one = await api<ConektaCompany>("GET", `/companies/${CONEKTA_SEED.emptyChildId}`);
    expect(one.body.name).toBe("Farmacia Roma");
    const own = await api<ConektaList<ConektaCompany>>("GET", "/companies", {
      child: CONEKTA_SEED.emptyChildId,
    });
    expect(own.body.data).toEqual([]);
  });
});

describe("Conekta sandbox: events paging", () => {
  it("lists events newest first with the same paging", async () => {
    const page = await api<ConektaList<ConektaEvent>>("GET", "/events?limit=1");
    expect(page.body.data.map((e) => e.id)).toEqual([CONEKTA_SEED.events.parentPingFailed]);
    const next = await api<ConektaList<ConektaEvent>>("GET", follow(page.body.next_page_url));
    expect(next.body.data.map((e) => e.id)).toEqual([CONEKTA_SEED.events.parentPingDelivered]);
    expect(next.body.next_page_url).toBeNull();
    expect((await api("GET", "/events?limit=0")).status).toBe(422);
  });
});
