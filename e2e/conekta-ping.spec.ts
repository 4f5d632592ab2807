import { conekta, sandboxUrl, toasts } from "./fixtures/conekta";
import { expect, test } from "./fixtures/test";
import { listNames, WebhooksListPage } from "./pages/webhooks-list";

// Pings go to the holding's seeded webhooks: the sandbox's ok (200), fail (500) and slow (200
// after 6 s) receivers. The console follows the delivery for about 4 s, so the slow one is "sent".

test.describe("Conekta test ping", () => {
  test("reports a delivered and a failed ping with the endpoint's status", async ({ page }) => {
    const list = new WebhooksListPage(page);
    await list.goto("conekta", conekta.holding);

    await list.pingButton(list.row("/receivers/ok/grupo-orders")).click();
    const delivered = toasts(page)
      .locator("[data-sonner-toast]")
      .filter({ hasText: "Ping delivered (HTTP 200)" });
    // The toast names the webhook (host and path), so toasts of several rows are told apart.
    await expect(delivered).toContainText(
      `${new URL(sandboxUrl()).host}/receivers/ok/grupo-orders`,
    );

    await list.pingButton(list.row("/receivers/fail/grupo-legacy-erp")).click();
    await expect(toasts(page).getByText("Ping failed (HTTP 500)")).toBeVisible();
  });

  test("shows the toast top right, clear of the button that sent the ping", async ({ page }) => {
    const list = new WebhooksListPage(page);
    await list.goto("conekta", conekta.holding);
    const button = list.pingButton(list.row("/receivers/ok/grupo-orders"));
    await button.click();
    const toast = toasts(page)
      .locator("[data-sonner-toast]")
      .filter({ hasText: "Ping delivered (HTTP 200)" });
    await expect(toast).toBeVisible();
    const [t, b] = [(await toast.boundingBox())!, (await button.boundingBox())!];
    const overlaps =
      t.x < b.x + b.width && b.x < t.x + t.width && t.y < b.y + b.height && b.y < t.y + t.height;
    expect(overlaps, "the toast covers the row's ping button").toBe(false);
    expect(t.y).toBeLessThan(page.viewportSize()!.height / 2);
  });

  test("says a slow ping was sent but not confirmed, and cannot be pressed twice meanwhile", async ({
    page,
  }) => {
    const list = new WebhooksListPage(page);
    await list.goto("conekta", conekta.holding);
    const pings: string[] = [];
    page.on("request", (r) => r.url().endsWith("/ping") && pings.push(r.url()));

    const ping = list.pingButton(list.row("/receivers/slow/grupo-reports"));
    await ping.dblclick();
    await expect(ping).toBeDisabled();
    await expect(ping).toHaveAttribute("aria-busy", "true");
    await expect(toasts(page).getByText("Ping sent; delivery not confirmed yet")).toBeVisible({
      timeout: 15_000,
    });
    await expect(ping).toBeEnabled();
    expect(pings).toHaveLength(1);
  });

  test.describe("in Spanish", () => {
    test.use({ language: "es" });

    test("says so in Spanish", async ({ page }) => {
      const list = new WebhooksListPage(page, listNames.es);
      await list.goto("conekta", conekta.holding);
      await list.pingButton(list.row("/receivers/ok/grupo-orders")).click();
      await expect(toasts(page).getByText("Ping entregado (HTTP 200)")).toBeVisible();
    });
  });
});
