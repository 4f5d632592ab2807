import { describe, expect, it } from "vitest";
import { MockAgent } from "undici";
import { routeProviderCalls } from "@/lib/providers/dispatcher";
import { AppError } from "@/lib/http/errors";
import { SANDBOX_RAZORPAY_ACCOUNTS } from "@/lib/sandbox/defaults";
import { RAZORPAY_SEED } from "@/lib/sandbox/razorpay/seed";
import { failure } from "@/lib/testing/sandbox";
import { AURORA, EMPTY, useRazorpayAdapterHarness } from "./adapter-harness";

// Listing is in ./adapter-list.test.ts, counting past a page in ./adapter-counting.test.ts.
describe("Razorpay adapter against the sandbox", () => {
  const { sandbox, adapter, aurora, empty, bodyOf, sentWith, sent, rawWebhook } =
    useRazorpayAdapterHarness();

  describe("the secret is write-only", () => {
    it("sends it on create and never returns it", async () => {
      const secret = "whsec_T0pS3cret_create";
      const razorpay = adapter();
      const created = await razorpay.createWebhook(empty, {
        url: "https://example.com/signed",
        events: ["payment.captured"],
        secret,
      });
      expect(bodyOf(sentWith("POST")[0])).toMatchObject({ secret });
      expect(created.hasSecret).toBe(true);
      expect(JSON.stringify(created)).not.toContain(secret);

      const read = await razorpay.getWebhook(empty, created.id);
      const listed = await razorpay.listWebhooks({ ...empty, limit: 10 });
      expect(read.hasSecret).toBe(true);
      expect(JSON.stringify([read, listed])).not.toContain(secret);
    });

    it("is sent on update only when a new one is typed", async () => {
      const razorpay = adapter();
      const created = await razorpay.createWebhook(empty, {
        url: "https://example.com/signed",
        events: ["payment.captured"],
        secret: "whsec_first",
      });

      const kept = await razorpay.updateWebhook(empty, created.id, { events: ["payment.failed"] });
      await razorpay.updateWebhook(empty, created.id, { secret: "" });
      const [withoutSecret, withEmptySecret] = sentWith("PATCH");
      expect(bodyOf(withoutSecret)).not.toHaveProperty("secret");
      expect(bodyOf(withEmptySecret)).not.toHaveProperty("secret");
      expect(kept.hasSecret).toBe(true);

      const replaced = await razorpay.updateWebhook(empty, created.id, { secret: "whsec_second" });
      expect(bodyOf(sentWith("PATCH")[2])).toMatchObject({ secret: "whsec_second" });
      expect(replaced.hasSecret).toBe(true);
      expect(JSON.stringify(replaced)).not.toContain("whsec_second");
    });
  });

  describe("updating", () => {
    const id = RAZORPAY_SEED.webhooks.auroraOrders;

    it("resends the current URL and full events when only the alert email changes", async () => {
      const before = await rawWebhook(AURORA, id);
      await adapter().updateWebhook(aurora, id, { alertEmail: "ops@example.com" });
      expect(bodyOf(sentWith("PATCH")[0])).toEqual({
        url: before?.url,
        events: ["order.paid"],
        alert_email: "ops@example.com",
      });
    });

    it("clears the alert email with an empty alert_email", async () => {
      const withEmail = RAZORPAY_SEED.webhooks.auroraPayments;
      expect((await adapter().getWebhook(aurora, withEmail)).alertEmail).not.toBeNull();
      const updated = await adapter().updateWebhook(aurora, withEmail, { alertEmail: null });
      expect(bodyOf(sentWith("PATCH")[0])).toMatchObject({ alert_email: "" });
      expect(updated.alertEmail).toBeNull();
    });

    it("keeps the URL when only the events change, and the events when only the URL does", async () => {
      const razorpay = adapter();
      const before = await rawWebhook(AURORA, id);
      await razorpay.updateWebhook(aurora, id, { events: ["order.paid", "payment.captured"] });
      const updated = await razorpay.updateWebhook(aurora, id, {
        url: "https://example.com/orders",
      });
      const [eventsOnly, urlOnly] = sentWith("PATCH");
      expect(bodyOf(eventsOnly)).toEqual({
        url: before?.url,
        events: ["order.paid", "payment.captured"],
      });
      expect(bodyOf(urlOnly)).toEqual({
        url: "https://example.com/orders",
        events: ["order.paid", "payment.captured"],
      });
      expect(updated).toMatchObject({
        url: "https://example.com/orders",
        events: ["order.paid", "payment.captured"],
      });
    });

    it("keeps the credentials when the masked URL comes back unchanged", async () => {
      const razorpay = adapter();
      const created = await razorpay.createWebhook(empty, {
        url: "https://ops:pa55@example.com/hook",
        events: ["payment.captured"],
      });
      expect(created.url).toBe("https://****:****@example.com/hook");
      await razorpay.updateWebhook(empty, created.id, {
        url: created.url,
        events: ["payment.failed"],
      });
      expect(bodyOf(sentWith("PATCH")[0])).toMatchObject({
        url: "https://ops:pa55@example.com/hook",
      });
      expect((await rawWebhook(EMPTY, created.id))?.url).toBe("https://ops:pa55@example.com/hook");
    });
  });

  describe("accounts", () => {
    it("refuses an account that is not configured with a 403, sending nothing", async () => {
      const error = await failure(
        adapter().assertAccount({ account: "acc_NotConfigured01", language: "en" }),
      );
      expect(error).toBeInstanceOf(AppError);
      expect(error.status).toBe(403);
      expect(sent()).toEqual([]);
      await expect(adapter().assertAccount(aurora)).resolves.toBeUndefined();
    });

    it("looks up one configured account by id without calling Razorpay, and refuses others", async () => {
      expect(await adapter().getAccount(aurora)).toEqual({
        id: AURORA,
        name: "Tienda Aurora",
        provider: "razorpay",
      });
      const error = await failure(
        adapter().getAccount({ account: "acc_NotConfigured01", language: "en" }),
      );
      expect(error.status).toBe(403);
      expect(sent()).toEqual([]);
    });

    it("pages and searches the configured accounts without calling Razorpay", async () => {
      const razorpay = adapter();
      expect((await razorpay.listAccounts({ language: "en" })).data.map((a) => a.id)).toEqual(
        SANDBOX_RAZORPAY_ACCOUNTS.map((a) => a.id),
      );
      expect((await razorpay.listAccounts({ language: "en", q: "spices" })).data).toEqual([
        { id: RAZORPAY_SEED.accounts.spices, name: "Mumbai Spices", provider: "razorpay" },
      ]);
      expect(sent()).toEqual([]);
    });
  });

  describe("errors from the sandbox", () => {
    it("names each refused event under fields.events", async () => {
      const error = await failure(
        adapter().createWebhook(empty, {
          url: "https://example.com/hook",
          events: ["payment.captured", "payment.teleported", "subscription.charged"],
        }),
      );
      expect(error).toMatchObject({ code: "invalid_fields", status: 422 });
      // Empty Books lacks the subscriptions feature, so subscription.* is refused there.
      expect(error.fields?.events).toEqual([
        expect.stringContaining('"payment.teleported"'),
        expect.stringContaining('"subscription.charged"'),
      ]);
    });

    it("puts an alert_email error under the console's alertEmail", async () => {
      const error = await failure(
        adapter().createWebhook(empty, {
          url: "https://example.com/hook",
          events: ["payment.captured"],
          alertEmail: "not-an-email",
        }),
      );
      expect(error).toMatchObject({ code: "invalid_fields" });
      expect(Object.keys(error.fields ?? {})).toEqual(["alertEmail"]);
    });

    it("puts a private host under fields.url", async () => {
      const error = await failure(
        adapter().createWebhook(empty, {
          url: "http://10.0.0.1/hook",
          events: ["payment.captured"],
        }),
      );
      expect(error.fields).toEqual({ url: ["private ip found for host"] });
    });

    it("says not_found for a webhook id that does not exist", async () => {
      const error = await failure(adapter().getWebhook(aurora, "NoSuchHook0001"));
      expect(error).toMatchObject({ code: "not_found", status: 404 });
    });

    it("says conflict for the 31st webhook", async () => {
      const razorpay = adapter();
      for (let i = 0; i < 30; i += 1) {
        await razorpay.createWebhook(empty, {
          url: `https://example.com/hook-${i}`,
          events: ["payment.captured"],
        });
      }
      const error = await failure(
        razorpay.createWebhook(empty, { url: "https://example.com/31", events: ["order.paid"] }),
      );
      expect(error).toMatchObject({ code: "conflict", status: 409 });
      expect(await razorpay.countWebhooks(empty)).toBe(30);
    });

    it("blames the console's keys for a 401", async () => {
      const error = await failure(adapter("wrong").listWebhooks({ ...aurora, limit: 10 }));
      expect(error).toMatchObject({ code: "provider_error", status: 502 });
      expect(error.message).toContain("RAZORPAY_KEY_SECRET");
    });

    it("passes on a 429's Retry-After", async () => {
      sandbox().faults.add({ provider: "razorpay", kind: "rate-limit", retryAfter: 8, times: 1 });
      const error = await failure(adapter().listWebhooks({ ...aurora, limit: 10 }));
      expect(error).toMatchObject({ code: "rate_limited", status: 429, retryAfterSeconds: 8 });
    });

    it("says provider_error for a 500 SERVER_ERROR", async () => {
      sandbox().faults.add({
        provider: "razorpay",
        kind: "status",
        status: 500,
        retryAfter: 1,
        times: 1,
      });
      const error = await failure(
        adapter().getWebhook(aurora, RAZORPAY_SEED.webhooks.auroraOrders),
      );
      expect(error).toMatchObject({ code: "provider_error", status: 502 });
      expect(error.provider?.code).toBe("SERVER_ERROR");
    });

    it("says provider_error, not a crash, for a malformed reply", async () => {
      sandbox().faults.add({ provider: "razorpay", kind: "malformed", retryAfter: 1, times: 1 });
      const error = await failure(adapter().listWebhooks({ ...aurora, limit: 10 }));
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "provider_error", status: 502 });
    });

    it("still says rate_limited when a throttle's reply is not JSON", async () => {
      const throttle = new MockAgent();
      throttle.disableNetConnect();
      throttle
        .get(new URL(sandbox().url).origin)
        .intercept({ path: () => true, method: "GET" })
        .reply(429, "<html>Too Many Requests</html>", {
          headers: { "content-type": "text/html", "retry-after": "6" },
        });
      const stop = routeProviderCalls(throttle);
      const error = await failure(adapter().listWebhooks({ ...aurora, limit: 10 })).finally(stop);
      await throttle.close();
      expect(error).toMatchObject({ code: "rate_limited", retryAfterSeconds: 6 });
    });
  });
});
