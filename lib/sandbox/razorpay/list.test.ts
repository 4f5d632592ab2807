import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RAZORPAY_SEED } from "./seed";
import { START_SECONDS, startRazorpaySandbox, type RazorpayTestSandbox } from "./test-client";

const { aurora, spices, empty } = RAZORPAY_SEED.accounts;
const LIST = `/v2/accounts/${aurora}/webhooks`;
const DAY = 86_400;

let t: RazorpayTestSandbox;
beforeAll(async () => {
  t = await startRazorpaySandbox({ allowLoopback: false });
});
beforeEach(() => t.sandbox.reset());
afterAll(() => t.sandbox.close());

describe("GET /v2/accounts/{account_id}/webhooks", () => {
  it("pages Tienda Aurora's 14 webhooks by 10 by default: count is the page size", async () => {
    const first = await t.rz.collection(LIST);
    expect(first).toMatchObject({ entity: "collection", count: 10 });
    expect(first.items).toHaveLength(10);
    const second = await t.rz.collection(`${LIST}?skip=10`);
    expect(second.count).toBe(4);
    const ids = [...first.items, ...second.items].map((w) => w.id);
    expect(new Set(ids).size).toBe(14);
    expect([...ids].sort()).toEqual(
      Object.entries(RAZORPAY_SEED.webhooks)
        .filter(([key]) => key.startsWith("aurora"))
        .map(([, id]) => id)
        .sort(),
    );
  });

  it("lists newest first", async () => {
    const all = await t.rz.collection(`${LIST}?count=100`);
    const created = all.items.map((w) => w.created_at);
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect(all.items[0]?.id).toBe(RAZORPAY_SEED.webhooks.auroraEverything);
  });

  it("seeds one inactive webhook with disabled_at set, and secrets on some", async () => {
    const all = (await t.rz.collection(`${LIST}?count=100`)).items;
    const inactive = all.filter((w) => !w.active);
    expect(inactive.map((w) => w.id)).toEqual([RAZORPAY_SEED.webhooks.auroraInactive]);
    expect(inactive[0]?.disabled_at).toBeGreaterThan(0);
    expect(all.filter((w) => w.active).every((w) => w.disabled_at === 0)).toBe(true);
    expect(all.filter((w) => w.secret_exists).length).toBeGreaterThan(1);
    expect(all.filter((w) => !w.secret_exists).length).toBeGreaterThan(1);
  });

  it.each([
    ["count=3&skip=0", 3, 0],
    ["count=3&skip=3", 3, 3],
    ["count=5&skip=12", 2, 12],
    ["skip=14", 0, 14],
    ["count=100", 14, 0],
    ["count=1&skip=13", 1, 13],
  ])("?%s returns the right slice", async (query, size, skip) => {
    const all = (await t.rz.collection(`${LIST}?count=100`)).items.map((w) => w.id);
    const page = await t.rz.collection(`${LIST}?${query}`);
    expect(page.count).toBe(size);
    expect(page.items.map((w) => w.id)).toEqual(all.slice(skip, skip + size));
  });

  it.each([
    ["count=101", "The count may not be greater than 100.", "count"],
    ["count=1000", "The count may not be greater than 100.", "count"],
    ["count=0", "The count must be at least 1.", "count"],
    ["count=ten", "The count must be an integer.", "count"],
    ["count=2.5", "The count must be an integer.", "count"],
    ["skip=-1", "The skip must be at least 0.", "skip"],
    ["skip=x", "The skip must be an integer.", "skip"],
    ["from=yesterday", "The from must be an integer.", "from"],
    ["to=-5", "The to must be at least 0.", "to"],
  ])("refuses ?%s", async (query, description, field) => {
    const reply = await t.rz.error("GET", `${LIST}?${query}`);
    expect(reply.status).toBe(400);
    expect(reply.error).toMatchObject({ code: "BAD_REQUEST_ERROR", description, field });
  });

  it("filters created_at with from and to, both inclusive, in unix seconds", async () => {
    const all = (await t.rz.collection(`${LIST}?count=100`)).items;
    const from = START_SECONDS - 20 * DAY;
    const to = START_SECONDS - 5 * DAY;
    const expected = all.filter((w) => w.created_at >= from && w.created_at <= to).map((w) => w.id);
    expect(expected.length).toBeGreaterThan(2);
    expect(expected.length).toBeLessThan(all.length - 2);
    const filtered = await t.rz.collection(`${LIST}?from=${from}&to=${to}&count=100`);
    expect(filtered.items.map((w) => w.id)).toEqual(expected);

    const edge = all[3]?.created_at ?? 0;
    const exact = await t.rz.collection(`${LIST}?from=${edge}&to=${edge}`);
    expect(exact.items.map((w) => w.id)).toEqual([all[3]?.id]);
    expect((await t.rz.collection(`${LIST}?from=${START_SECONDS + 1}`)).count).toBe(0);
    expect((await t.rz.collection(`${LIST}?to=${START_SECONDS - 39 * DAY}`)).count).toBe(1);
  });

  it("pages within the filtered set", async () => {
    const from = START_SECONDS - 36 * DAY;
    const filtered = (await t.rz.collection(`${LIST}?from=${from}&count=100`)).items.map(
      (w) => w.id,
    );
    const page = await t.rz.collection(`${LIST}?from=${from}&count=2&skip=2`);
    expect(page.items.map((w) => w.id)).toEqual(filtered.slice(2, 4));
  });

  it("accepts a trailing slash", async () => {
    const page = await t.rz.collection(`${LIST}/?count=3`);
    expect(page.count).toBe(3);
  });

  it("answers an empty collection for an account with no webhooks", async () => {
    expect(await t.rz.collection(`/v2/accounts/${empty}/webhooks`)).toStrictEqual({
      entity: "collection",
      count: 0,
      items: [],
    });
  });

  it("lists only the account's own webhooks", async () => {
    const page = await t.rz.collection(`/v2/accounts/${spices}/webhooks`);
    expect(page.count).toBe(3);
    expect(page.items.every((w) => w.owner_id === spices.replace("acc_", ""))).toBe(true);
  });

  it("ignores query parameters it does not know", async () => {
    expect((await t.rz.collection(`${LIST}?expand[]=x&count=2`)).count).toBe(2);
  });
});
