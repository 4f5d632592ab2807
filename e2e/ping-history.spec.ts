import {
  createRazorpayWebhook,
  deleteRazorpayWebhooksMatching,
  razorpay,
  toasts,
  uniqueReceiverUrl,
} from "./fixtures/razorpay";
import { expect, test } from "./fixtures/test";
import { listNames, WebhooksListPage } from "./pages/webhooks-list";

// Ping results are kept per webhook: the list's Last ping column and the edit page's Recent pings.
// Each test pings a webhook of its own in Mumbai Spices, so what it reads is only its own pings.

test.describe("Ping history", () => {
  test("the row's Last ping changes the moment a ping returns, and the edit page lists it", async ({
    page,
    request,
  }) => {
    const url = uniqueReceiverUrl("ok", "history");
    await createRazorpayWebhook(request, razorpay.spices, { url, events: ["payment.captured"] });
    try {
      const list = new WebhooksListPage(page);
      await list.goto("razorpay", razorpay.spices);
      const row = list.row(url);
      await expect(row).toContainText("Never");

      const listReloads: string[] = [];
      page.on(
        "request",
        (r) => r.method() === "GET" && r.url().includes("/webhooks?") && listReloads.push(r.url()),
      );
      await list.pingButton(row).click();
      await expect(toasts(page)).toContainText("Ping delivered (HTTP 200)");
      await expect(row).toContainText(/Delivered\s*(now|\d+ seconds? ago)/);
      expect(listReloads, "no list reload for the new Last ping").toEqual([]);

      await list.editLink(row).click();
      const recent = page.getByRole("region", { name: "Recent pings" });
      await expect(recent.getByRole("heading", { name: "Recent pings" })).toBeVisible();
      const pings = recent.getByRole("table", { name: "Recent pings" });
      const first = pings.getByRole("row").nth(1);
      await expect(first).toContainText("support@sandbox.test");
      await expect(first).toContainText("Delivered");
      await expect(first).toContainText("200");
      await expect(first).toContainText("The endpoint answered HTTP 200.");
    } finally {
      await deleteRazorpayWebhooksMatching(request, razorpay.spices, url);
    }
  });

  test.describe("in Spanish", () => {
    test.use({ language: "es" });

    test("a failed ping reads in Spanish in the row and on the edit page", async ({
      page,
      request,
    }) => {
      const url = uniqueReceiverUrl("fail", "history-es");
      await createRazorpayWebhook(request, razorpay.spices, { url, events: ["payment.captured"] });
      try {
        const list = new WebhooksListPage(page, listNames.es);
        await list.goto("razorpay", razorpay.spices);
        const row = list.row(url);
        await expect(row).toContainText("Nunca");
        await list.pingButton(row).click();
        await expect(toasts(page)).toContainText("HTTP 500");
        await expect(row).toContainText("Falló");

        await list.editLink(row).click();
        const recent = page.getByRole("region", { name: "Pings recientes" });
        await expect(recent).toContainText("El endpoint respondió HTTP 500.");
      } finally {
        await deleteRazorpayWebhooksMatching(request, razorpay.spices, url);
      }
    });
  });
});
