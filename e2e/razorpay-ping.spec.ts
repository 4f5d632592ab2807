import type { Delivery } from "./fixtures/sandbox";
import {
  createRazorpayWebhook,
  deleteRazorpayWebhooksMatching,
  razorpay,
  receiverUrl,
  toasts,
  uniqueReceiverUrl,
} from "./fixtures/razorpay";
import { expect, test } from "./fixtures/test";
import { WebhooksListPage } from "./pages/webhooks-list";

// Razorpay has no ping API: the console's server POSTs a sample event to the URL itself. Pings to
// seeded Tienda Aurora webhooks change nothing there; the console allows 10 a minute per webhook.

test.describe("Razorpay test pings", () => {
  test("reports delivered with latency, failed with the status, and a timeout", async ({
    page,
  }) => {
    test.slow(); // the slow receiver answers after 6 s, past the console's 5 s
    const list = new WebhooksListPage(page);
    await list.goto("razorpay", razorpay.aurora);

    const ok = list.row(receiverUrl(razorpay.webhooks.orders.path));
    await list.pingButton(ok).click();
    const delivered = toasts(page).getByRole("listitem").filter({ hasText: "Ping delivered" });
    await expect(delivered).toContainText("Ping delivered (HTTP 200)");
    await expect(delivered).toContainText(/Answered in \d+ ms/);

    const fail = list.row(receiverUrl(razorpay.webhooks.disputes.path));
    await list.pingButton(fail).click();
    await expect(toasts(page)).toContainText("Ping failed (HTTP 500)");

    const slow = list.row(receiverUrl(razorpay.webhooks.settlements.path));
    const slowPing = list.pingButton(slow);
    await slowPing.click();
    // No second press while the ping is under way.
    await expect(slowPing).toBeDisabled();
    await expect(slowPing).toHaveAttribute("aria-busy", "true");
    await expect(toasts(page)).toContainText(/Ping failed: .*timed out/, { timeout: 9_000 });
    await expect(slowPing).toBeEnabled();
  });

  /** Deliveries the sandbox's receiver got at `path` that were not in `before`. */
  async function newDeliveries(
    deliveries: (path: string) => Promise<Delivery[]>,
    path: string,
    before: Delivery[],
  ): Promise<Delivery[]> {
    const seen = new Set(before.map((d) => d.headers["x-razorpay-event-id"]));
    let fresh: Delivery[] = [];
    await expect
      .poll(async () => {
        fresh = (await deliveries(path)).filter((d) => !seen.has(d.headers["x-razorpay-event-id"]));
        return fresh.length;
      })
      .toBeGreaterThan(0);
    return fresh;
  }

  test("signs a ping with the secret given, and the receiver checks the signature", async ({
    page,
    sandbox,
  }) => {
    const deliveries = (path: string) => sandbox.deliveries(path);
    const { path, secret } = razorpay.signed;
    const list = new WebhooksListPage(page);
    await list.goto("razorpay", razorpay.aurora);
    const row = list.row(`${receiverUrl(razorpay.webhooks.payments.path)}`);
    const dialog = page.getByRole("dialog", { name: "Send a signed test ping" });

    const cases = [
      { name: "the right secret", secret, signature: "valid" },
      { name: "a wrong secret", secret: "not-the-secret", signature: "invalid" },
    ] as const;
    for (const { name, secret: typed, signature } of cases) {
      await test.step(name, async () => {
        const before = await deliveries(path);
        await (await list.menuItem(row, "Ping with signature")).click();
        await expect(dialog).toBeVisible();
        const send = dialog.getByRole("button", { name: "Send signed ping" });
        await expect(send).toBeDisabled();
        await dialog.getByLabel("Webhook secret").fill(typed);
        await send.click();
        await expect(dialog).toBeHidden();
        await expect(toasts(page)).toContainText("Ping delivered (HTTP 200)");

        // Tests run side by side, so look among the deliveries that arrived since.
        const fresh = await newDeliveries(deliveries, path, before);
        expect(fresh).toContainEqual(
          expect.objectContaining({
            signature,
            headers: expect.objectContaining({
              "x-razorpay-signature": expect.stringMatching(/^[0-9a-f]{64}$/),
              "user-agent": "Razorpay-Webhook/v1",
              "x-razorpay-event-id": expect.any(String),
            }),
          }),
        );
      });
    }

    await test.step("unsigned", async () => {
      const before = await deliveries(path);
      await list.pingButton(row).click();
      await expect(toasts(page)).toContainText("Ping delivered (HTTP 200)");
      const fresh = await newDeliveries(deliveries, path, before);
      const absent = fresh.find((d) => d.signature === "absent");
      expect(absent?.headers["x-razorpay-signature"]).toBeUndefined();
      expect(absent?.headers["user-agent"]).toBe("Razorpay-Webhook/v1");
      const body = JSON.parse(absent?.body ?? "{}") as { entity?: string; account_id?: string };
      expect(body).toMatchObject({ entity: "event", account_id: razorpay.aurora });
    });
  });

  test("the 11th ping to one webhook in a minute is refused with Retry-After", async ({
    page,
    request,
  }) => {
    const url = uniqueReceiverUrl("ok", "rate");
    const { id } = await createRazorpayWebhook(request, razorpay.spices, {
      url,
      events: ["payment.captured"],
    });
    try {
      const ping = () => request.post(`/api/razorpay/${razorpay.spices}/webhooks/${id}/ping`);
      for (let i = 1; i <= 10; i += 1) expect((await ping()).status(), `ping ${i}`).toBe(200);

      const refused = await ping();
      expect(refused.status()).toBe(429);
      const retryAfter = Number(refused.headers()["retry-after"]);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      const body = (await refused.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("rate_limited");

      const list = new WebhooksListPage(page);
      await list.goto("razorpay", razorpay.spices);
      await list.pingButton(list.row(url)).click();
      await expect(toasts(page)).toContainText(/Too many pings.*Try again in \d+ s/);
    } finally {
      await deleteRazorpayWebhooksMatching(request, razorpay.spices, new URL(url).pathname);
    }
  });
});
