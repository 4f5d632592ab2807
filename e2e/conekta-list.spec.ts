import { authFile } from "./fixtures/auth";
import { conekta, receiverUrl, toasts } from "./fixtures/conekta";
import { expect, test } from "./fixtures/test";
import { WebhooksListPage } from "./pages/webhooks-list";

// The holding's 7 seeded webhooks, newest first (lib/sandbox/conekta/seed.ts), with their event counts.
const HOLDING = [
  { path: "ok/grupo-charges", events: 17, status: "Listening" },
  { path: "fail/grupo-payouts", events: 4, status: "Intermittent errors" },
  { path: "ok/grupo-subscriptions", events: 11, status: "Listening" },
  { path: "ok/grupo-basic-auth", events: 2, status: "Listening" },
  { path: "slow/grupo-reports", events: 18, status: "Listening" },
  { path: "fail/grupo-legacy-erp", events: 66, status: "Intermittent errors" },
  { path: "ok/grupo-orders", events: 14, status: "Listening" },
] as const;

test.describe("Conekta webhooks list", () => {
  test("shows each webhook's URL, events, status and copy buttons, and the holding's 7 of 10", async ({
    page,
    context,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const list = new WebhooksListPage(page);
    await list.goto("conekta", conekta.holding);

    await expect(list.heading).toBeVisible();
    await expect(list.rows).toHaveCount(HOLDING.length);
    await expect(page.getByText("7 of 10 webhooks used", { exact: true })).toBeVisible();
    await expect(list.newWebhook).toBeEnabled();

    for (const [index, seeded] of HOLDING.entries()) {
      const row = list.rows.nth(index);
      await expect(row).toContainText(seeded.path);
      // A webhook subscribed to every event Conekta offers (all but the test-only webhook_ping).
      await expect(row).toContainText(
        seeded.events === 66 ? "All events (66)" : `${seeded.events} events`,
      );
      await expect(row.getByRole("cell").nth(2)).toHaveText(seeded.status);
      await expect(list.pingButton(row)).toBeVisible();
      await expect(list.editLink(row)).toBeVisible();
      await expect(list.deleteButton(row)).toBeVisible();
      await expect(row.getByRole("button", { name: "Copy URL" })).toBeVisible();
      await expect(await list.menuItem(row, "Copy id")).toBeVisible();
      await page.keyboard.press("Escape");
    }
    await expect(list.row("/receivers/ok/grupo-orders")).toContainText(
      receiverUrl("ok/grupo-orders"),
    );

    // user:password in a URL is never shown, only its shape.
    const withCredentials = list.row("grupo-basic-auth");
    const masked = receiverUrl("ok/grupo-basic-auth").replace("://", "://****:****@");
    await expect(withCredentials).toContainText(masked);
    await expect(page.locator("body")).not.toContainText("s3cret");
    await withCredentials.getByRole("button", { name: "Copy URL" }).click();
    await expect(toasts(page).getByText("Copied to the clipboard")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(masked);

    // The events count opens into the names.
    const orders = list.row("grupo-orders");
    await expect(orders.getByText("order.paid", { exact: true })).toBeHidden();
    await orders.getByText("14 events").click();
    await expect(orders.getByText("order.paid", { exact: true })).toBeVisible();
    await expect(orders.getByRole("listitem")).toHaveCount(14);
  });

  test("at the limit, New webhook is disabled and says why (10 of 10)", async ({ page }) => {
    const list = new WebhooksListPage(page);
    await list.goto("conekta", conekta.fullChild);

    await expect(list.rows).toHaveCount(10);
    await expect(page.getByText("10 of 10 webhooks used", { exact: true })).toBeVisible();
    await expect(list.newWebhook).toHaveCount(0);
    const newWebhook = page.getByRole("button", { name: "New webhook" });
    await expect(newWebhook).toBeDisabled();
    await expect(newWebhook).toHaveAccessibleDescription(
      "This account has reached Conekta's limit of 10 webhooks. Delete one to add another.",
    );
    await expect(
      page.getByText("This account has reached Conekta's limit of 10 webhooks."),
    ).toBeVisible();
  });

  test("search filters on the server after typing stops, lives in the URL, and can be cleared", async ({
    page,
  }) => {
    const list = new WebhooksListPage(page);
    await list.goto("conekta", conekta.holding);
    await expect(list.rows).toHaveCount(7);

    const searched: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.pathname === "/api/conekta/default/webhooks" && url.searchParams.has("q"))
        searched.push(url.searchParams.get("q") ?? "");
    });
    await list.search.pressSequentially("grupo-or");
    await expect(list.rows).toHaveCount(1);
    await expect(list.rows.first()).toContainText("grupo-orders");
    await expect(page).toHaveURL(/[?&]q=grupo-or(&|$)/);
    // Debounced: a request for what was typed, not one per key (a slow machine may pause once).
    expect(searched.at(-1)).toBe("grupo-or");
    expect(searched.length).toBeLessThanOrEqual(2);

    await page.reload();
    await expect(list.search).toHaveValue("grupo-or");
    await expect(list.rows).toHaveCount(1);

    await list.search.fill("no-such-webhook");
    await expect(page.getByText("No webhook matches “no-such-webhook”.")).toBeVisible();
    await expect(list.table).toHaveCount(0);
    await page.getByRole("button", { name: "Clear search" }).click();
    await expect(list.rows).toHaveCount(7);
    await expect(list.search).toHaveValue("");
    await expect(page).not.toHaveURL(/[?&]q=/);
  });

  test("pages by cursor with a page size from the URL, both ways", async ({ page }) => {
    const list = new WebhooksListPage(page);
    await list.goto("conekta", conekta.holding, "?limit=3");

    await expect(list.rows).toHaveCount(3);
    await expect(list.rows.first()).toContainText("grupo-charges");
    await expect(list.previousPage).toBeDisabled();

    await list.nextPage.click();
    await expect(page).toHaveURL(/[?&]cursor=[^&]+/);
    await expect(page).toHaveURL(/[?&]limit=3(&|$)/);
    await expect(list.rows.first()).toContainText("grupo-basic-auth");
    await expect(list.rows).toHaveCount(3);
    const secondPage = page.url();

    await list.nextPage.click();
    await expect(list.rows).toHaveCount(1);
    await expect(list.rows.first()).toContainText("grupo-orders");
    await expect(list.nextPage).toBeDisabled();
    await expect(page).toHaveURL(/[?&]limit=3(&|$)/);

    await list.previousPage.click();
    await expect(list.rows).toHaveCount(3);
    await expect(list.rows.first()).toContainText("grupo-basic-auth");

    // The cursor in the URL is a link to the same page.
    await page.goto(secondPage);
    await expect(list.rows.first()).toContainText("grupo-basic-auth");
    await list.previousPage.click();
    await expect(list.rows.first()).toContainText("grupo-charges");
    await expect(list.previousPage).toBeDisabled();
  });
});

test.describe("Conekta account switcher", () => {
  test("searches companies on the server and switches with the keyboard", async ({ page }) => {
    const list = new WebhooksListPage(page);
    await list.goto("conekta", conekta.holding, "?q=grupo");
    await expect(list.rows).toHaveCount(7);

    const searchRequest = page.waitForRequest(
      (request) =>
        request.url().includes("/api/conekta/accounts") &&
        new URL(request.url()).searchParams.get("q") === "panad",
    );
    await list.accountSwitcher.click();
    await list.accountSwitcher.pressSequentially("panad");
    await searchRequest;
    await expect(list.accountOptions).toHaveCount(1);
    await expect(list.accountOption(conekta.names.otherChild)).toBeVisible();
    await list.accountSwitcher.press("ArrowDown");
    // Highlighted (the combobox points at it); "selected" is the account the page shows.
    const panaderia = list.accountOption(conekta.names.otherChild);
    await expect(list.accountSwitcher).toHaveAttribute(
      "aria-activedescendant",
      (await panaderia.getAttribute("id")) ?? "no id",
    );
    await expect(panaderia).toHaveAttribute("aria-selected", "false");
    await list.accountSwitcher.press("Enter");

    await expect(page).toHaveURL(`/conekta/${conekta.otherChild}/webhooks`);
    await expect(list.rows).toHaveCount(1);
    await expect(list.rows.first()).toContainText("/receivers/ok/panaderia");
    await expect(page.getByText("grupo-orders")).toHaveCount(0);
    // The holding's search does not follow to another company.
    await expect(list.search).toHaveValue("");
    await expect(list.accountSwitcher).toHaveAttribute("placeholder", conekta.names.otherChild);
  });

  test.describe("as a user whose recent accounts are only the holding", () => {
    // The switcher puts a user's recent accounts first; the demo admin opens only the holding in
    // these tests, so the switcher lists the provider's own order.
    test.use({ storageState: authFile("admin") });

    test("loads more companies one page at a time", async ({ page }) => {
      const list = new WebhooksListPage(page);
      await list.goto("conekta", conekta.holding);
      await list.accountSwitcher.click();

      // The holding and the 10 newest children, then a way to ask for more.
      await expect(list.accountOptions).toHaveCount(12);
      await expect(list.accountOption(conekta.names.holding)).toBeVisible();
      await expect(list.accountOption(conekta.names.fullChild)).toHaveCount(0);
      await list.accountOption("Load more accounts").click();

      await expect(list.accountOption(conekta.names.fullChild)).toBeVisible();
      await expect(list.accountOptions).toHaveCount(13);
      await expect(list.accountOption("Load more accounts")).toHaveCount(0);
      await list.accountOption(conekta.names.fullChild).click();
      await expect(page).toHaveURL(`/conekta/${conekta.fullChild}/webhooks`);
      await expect(list.rows).toHaveCount(10);
    });
  });
});
