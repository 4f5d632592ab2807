import { describe, expect, it } from "vitest";
import { RAZORPAY_SEED } from "@/lib/sandbox/razorpay/seed";
import { present } from "@/lib/testing/sandbox";
import { AURORA, useRazorpayAdapterHarness } from "./adapter-harness";

const DAY = 86_400;

// The rest of the adapter against the sandbox is in ./adapter.test.ts.
describe("Razorpay adapter listing against the sandbox", () => {
  const { adapter, aurora, queryOf, sent, rawWebhooks } = useRazorpayAdapterHarness();

  describe("listing", () => {
    it("pages Tienda Aurora's 14 webhooks by 10: 10 then 4, and back", async () => {
      const razorpay = adapter();
      const first = await razorpay.listWebhooks({ ...aurora, limit: 10 });
      expect(first.data).toHaveLength(10);
      expect(first.page).toMatchObject({ previous: null, hasMore: true });
      const second = await razorpay.listWebhooks({
        ...aurora,
        limit: 10,
        cursor: present(first.page.next, "next cursor"),
      });
      expect(second.data).toHaveLength(4);
      expect(second.page).toMatchObject({ next: null, hasMore: false });
      const back = await razorpay.listWebhooks({
        ...aurora,
        limit: 10,
        cursor: present(second.page.previous, "previous cursor"),
      });
      expect(back.data.map((w) => w.id)).toEqual(first.data.map((w) => w.id));
      expect(back.page).toEqual(first.page);

      const ids = [...first.data, ...second.data].map((w) => w.id);
      expect(new Set(ids).size).toBe(14);
      // Newest first: Aurora's newest seed leads, its oldest closes.
      expect(ids[0]).toBe(RAZORPAY_SEED.webhooks.auroraEverything);
      expect(ids.at(-1)).toBe(RAZORPAY_SEED.webhooks.auroraPayments);
      // One more than the page, to tell whether a next page exists; skip is the offset.
      expect(sent().map(queryOf)).toEqual([
        { count: "11", skip: "0" },
        { count: "11", skip: "10" },
        { count: "11", skip: "0" },
      ]);
    });

    it("never asks for more than 100, whatever the limit", async () => {
      const page = await adapter().listWebhooks({ ...aurora, limit: 500 });
      expect(page.data).toHaveLength(14);
      expect(page.page).toEqual({ next: null, previous: null, hasMore: false });
      await adapter().countWebhooks(aurora);
      await adapter().listWebhooks({ ...aurora, limit: 500, q: "aurora" });
      expect(sent()).toHaveLength(3);
      for (const request of sent()) {
        expect(Number(request.url.searchParams.get("count"))).toBeLessThanOrEqual(100);
      }
    });

    it("searches URLs across all the webhooks, case-insensitively, and pages the matches", async () => {
      const razorpay = adapter();
      const first = await razorpay.listWebhooks({ ...aurora, limit: 2, q: " AURORA-PAYMENT " });
      expect(first.data).toHaveLength(2);
      expect(first.page.hasMore).toBe(true);
      const second = await razorpay.listWebhooks({
        ...aurora,
        limit: 2,
        q: "aurora-payment",
        cursor: present(first.page.next, "next cursor"),
      });
      expect(second.data).toHaveLength(1);
      expect(second.page).toMatchObject({ next: null, hasMore: false });
      expect(new Set([...first.data, ...second.data].map((w) => w.id))).toEqual(
        new Set([
          RAZORPAY_SEED.webhooks.auroraPayments,
          RAZORPAY_SEED.webhooks.auroraPaymentLinks,
          RAZORPAY_SEED.webhooks.auroraSlowPayments,
        ]),
      );
      // Razorpay cannot search: every page of results reads the whole account from the start.
      expect(sent().map(queryOf)).toEqual([
        { count: "100", skip: "0" },
        { count: "100", skip: "0" },
      ]);
    });

    it("searches event names too", async () => {
      const page = await adapter().listWebhooks({ ...aurora, limit: 10, q: "refund.processed" });
      expect(page.data.map((w) => w.id).sort()).toEqual(
        [RAZORPAY_SEED.webhooks.auroraRefunds, RAZORPAY_SEED.webhooks.auroraEverything].sort(),
      );
    });

    it("passes from and to through, with and without a search", async () => {
      const all = await rawWebhooks(AURORA);
      const now = Math.floor(Date.now() / 1000);
      const from = now - 20 * DAY;
      const to = now - 2 * DAY;
      const inRange = all
        .filter((w) => w.created_at >= from && w.created_at <= to)
        .map((w) => w.id);
      expect(inRange.length).toBeGreaterThan(0);
      expect(inRange.length).toBeLessThan(14);

      const page = await adapter().listWebhooks({ ...aurora, limit: 10, from, to });
      expect(page.data.map((w) => w.id)).toEqual(inRange);
      const searched = await adapter().listWebhooks({
        ...aurora,
        limit: 10,
        from,
        to,
        q: "aurora",
      });
      expect(searched.data.map((w) => w.id)).toEqual(inRange);
      expect(sent()).toHaveLength(2);
      for (const request of sent()) {
        expect(queryOf(request)).toMatchObject({ from: String(from), to: String(to) });
      }
    });

    // Issue 11: the service asks `withTotal` when it has no count cached.
    it("takes the total from a search's own read: one count=100 call, not two", async () => {
      const page = await adapter().listWebhooks({
        ...aurora,
        limit: 2,
        q: "aurora-payment",
        withTotal: true,
      });
      expect(page.data).toHaveLength(2);
      expect(page.total).toBe(14);
      expect(sent().map(queryOf)).toEqual([{ count: "100", skip: "0" }]);
    });

    it("counts the whole account beside a dated search: its matches are not the total", async () => {
      const now = Math.floor(Date.now() / 1000);
      const from = now - 20 * DAY;
      const page = await adapter().listWebhooks({
        ...aurora,
        limit: 10,
        from,
        q: "aurora",
        withTotal: true,
      });
      expect(page.data.length).toBeLessThan(14);
      expect(page.total).toBe(14);
      expect(
        sent()
          .map(queryOf)
          .sort((a, b) => (a.from ? 1 : 0) - (b.from ? 1 : 0)),
      ).toEqual([
        { count: "100", skip: "0" },
        { count: "100", skip: "0", from: String(from) },
      ]);
    });

    it("counts alongside a plain page when asked withTotal, and only then", async () => {
      const page = await adapter().listWebhooks({ ...aurora, limit: 5, withTotal: true });
      expect(page.total).toBe(14);
      expect(sent().map(queryOf)).toContainEqual({ count: "100", skip: "0" });
      expect(sent()).toHaveLength(2);
      expect((await adapter().listWebhooks({ ...aurora, limit: 5 })).total).toBeUndefined();
      expect(sent()).toHaveLength(3);
    });
  });
});
