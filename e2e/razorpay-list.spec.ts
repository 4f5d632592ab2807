import { razorpay, receiverUrl, utcDayBefore } from "./fixtures/razorpay";
import { expect, test } from "./fixtures/test";
import { WebhooksListPage } from "./pages/webhooks-list";

// Tienda Aurora is read only for every test, so its 14 webhooks can be counted exactly here.
const aurora = razorpay.aurora;

test.describe("Razorpay webhooks list", () => {
  test("shows Tienda Aurora's webhooks with URL, event count, status and created date", async ({
    page,
    request,
  }) => {
    const list = new WebhooksListPage(page);
    await list.goto("razorpay", aurora);

    await expect(list.heading).toBeVisible();
    // The switcher names the account it shows, before anyone opens it.
    await expect(list.accountSwitcher).toHaveAttribute("placeholder", razorpay.names.aurora);
    await expect(page.getByText("14 of 30 webhooks used", { exact: true })).toBeVisible();
    await expect(list.rows).toHaveCount(razorpay.auroraCount);
    for (const header of ["URL", "Events", "Status", "Created"]) {
      await expect(list.table.getByRole("columnheader", { name: header })).toBeVisible();
    }

    const payments = list.row(receiverUrl(razorpay.webhooks.payments.path));
    await expect(payments).toContainText("3 events");
    await expect(payments).toContainText("Active");
    // The id is not on the one-line row: its Edit link and "Copy id" (More actions) carry it.
    await expect(list.editLink(payments)).toHaveAttribute(
      "href",
      new RegExp(`/webhooks/${razorpay.webhooks.payments.id}$`),
    );
    // The created date, as the API gives it, in the page's language (dates are shown in UTC).
    const detail = await request.get(
      `/api/razorpay/${aurora}/webhooks/${razorpay.webhooks.payments.id}`,
    );
    const { createdAt } = (await detail.json()) as { createdAt: string };
    const day = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });
    await expect(payments.getByRole("cell").nth(3)).toHaveText(day.format(new Date(createdAt)));

    const inactive = list.row(receiverUrl(razorpay.webhooks.inactive.path));
    await expect(inactive).toContainText("1 event");
    await expect(inactive).toContainText("Disabled");

    await inactive.getByText("1 event").click();
    await expect(inactive.getByRole("listitem")).toHaveText(["payment.captured"]);
  });

  test("pages with Next and Previous, keeping the page size and cursor in the URL", async ({
    page,
  }) => {
    const list = new WebhooksListPage(page);
    await list.goto("razorpay", aurora, "?limit=10");
    await expect(list.rows).toHaveCount(10);
    // Newest first: the newest webhook is on page one, the oldest on page two.
    await expect(list.row(receiverUrl(razorpay.webhooks.everything.path))).toHaveCount(1);
    await expect(list.previousPage).toBeDisabled();

    await list.nextPage.click();
    await expect(page).toHaveURL(/[?&]cursor=/);
    await expect(page).toHaveURL(/[?&]limit=10/);
    await expect(list.rows).toHaveCount(razorpay.auroraCount - 10);
    await expect(list.row(receiverUrl(razorpay.webhooks.payments.path))).toHaveCount(1);
    await expect(list.row(receiverUrl(razorpay.webhooks.everything.path))).toHaveCount(0);
    await expect(list.nextPage).toBeDisabled();

    // The cursor in the URL opens the same page for a colleague.
    await page.reload();
    await expect(list.rows).toHaveCount(razorpay.auroraCount - 10);

    await list.previousPage.click();
    await expect(list.rows).toHaveCount(10);
    await expect(list.row(receiverUrl(razorpay.webhooks.everything.path))).toHaveCount(1);
    await expect(list.previousPage).toBeDisabled();
  });

  test("searches URLs and event names, and clears a search with no matches", async ({ page }) => {
    const list = new WebhooksListPage(page);
    await list.goto("razorpay", aurora);
    await expect(list.rows).toHaveCount(razorpay.auroraCount);

    // "refund" is in one URL and in the events of another.
    await list.search.fill("refund");
    await expect(page).toHaveURL(/[?&]q=refund/);
    await expect(list.rows).toHaveCount(2);
    await expect(list.row(receiverUrl(razorpay.webhooks.refunds.path))).toHaveCount(1);
    await expect(list.row(receiverUrl(razorpay.webhooks.everything.path))).toHaveCount(1);

    await list.search.fill("payments-backup");
    await expect(list.rows).toHaveCount(1);
    await expect(list.rows).toContainText(receiverUrl(razorpay.webhooks.slowPayments.path));

    await list.search.fill("subscription.charged");
    await expect(list.rows).toHaveCount(1);
    await expect(list.rows).toContainText(receiverUrl(razorpay.webhooks.subscriptions.path));

    await list.search.fill("no-such-webhook-anywhere");
    await expect(page.getByText("No webhook matches “no-such-webhook-anywhere”.")).toBeVisible();
    await expect(list.table).toHaveCount(0);
    await page.getByRole("button", { name: "Clear search" }).click();
    await expect(list.search).toHaveValue("");
    await expect(page).not.toHaveURL(/[?&]q=/);
    await expect(list.rows).toHaveCount(razorpay.auroraCount);
  });

  test("filters by created date, keeps the dates in the URL and clears them", async ({ page }) => {
    const list = new WebhooksListPage(page);
    await list.goto("razorpay", aurora);
    await expect(list.rows).toHaveCount(razorpay.auroraCount);

    // Seeded 10, 7, 3 and 1 days ago (plus some hours) are the only ones after 12 days ago.
    await page.getByLabel("Created from").fill(utcDayBefore(12));
    await expect(page).toHaveURL(new RegExp(`[?&]from=${utcDayBefore(12)}`));
    await expect(list.rows).toHaveCount(4);
    await expect(list.row(receiverUrl(razorpay.webhooks.everything.path))).toHaveCount(1);
    await expect(list.row(receiverUrl(razorpay.webhooks.transfers.path))).toHaveCount(1);

    // ...and of those, only the ones 10 and 7 days old were created before 5 days ago.
    await page.getByLabel("Created to").fill(utcDayBefore(5));
    await expect(page).toHaveURL(new RegExp(`[?&]to=${utcDayBefore(5)}`));
    await expect(list.rows).toHaveCount(2);
    await expect(list.row(receiverUrl(razorpay.webhooks.transfers.path))).toHaveCount(1);
    await expect(list.row(receiverUrl(razorpay.webhooks.fundAccounts.path))).toHaveCount(1);

    await page.reload();
    await expect(page.getByLabel("Created from")).toHaveValue(utcDayBefore(12));
    await expect(page.getByLabel("Created to")).toHaveValue(utcDayBefore(5));
    await expect(list.rows).toHaveCount(2);

    await page.getByRole("button", { name: "Clear dates" }).click();
    await expect(page).not.toHaveURL(/[?&](from|to)=/);
    await expect(page.getByLabel("Created from")).toHaveValue("");
    await expect(list.rows).toHaveCount(razorpay.auroraCount);
  });

  test("switches to another sub-merchant with the Account combobox", async ({ page }) => {
    const list = new WebhooksListPage(page);
    await list.goto("razorpay", aurora);
    await expect(list.rows).toHaveCount(razorpay.auroraCount);

    await list.accountSwitcher.click();
    await list.accountSwitcher.fill("Mumbai");
    await page.getByRole("option", { name: /Mumbai Spices/ }).click();

    await expect(page).toHaveURL(new RegExp(`/razorpay/${razorpay.spices}/webhooks$`));
    await expect(list.row(receiverUrl(razorpay.webhooks.spicesPayments.path))).toHaveCount(1);
    await expect(list.table).not.toContainText("aurora-");
    await expect(list.accountSwitcher).toHaveAttribute("placeholder", razorpay.names.spices);
  });

  test("refuses an account that is not in RAZORPAY_ACCOUNTS, without calling Razorpay", async ({
    page,
    request,
    sandbox,
  }) => {
    // A do-nothing fault on that account counts every request that would reach the sandbox.
    const probe = await sandbox.addFault({
      provider: "razorpay",
      account: razorpay.notListed,
      kind: "latency",
      latencyMs: 0,
    });

    const api = await request.get(`/api/razorpay/${razorpay.notListed}/webhooks`);
    expect(api.status()).toBe(403);
    const body = (await api.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("forbidden");
    expect(body.error.message).toContain(razorpay.notListed);

    const list = new WebhooksListPage(page);
    await list.goto("razorpay", razorpay.notListed);
    const alert = page.getByRole("alert").filter({ hasText: "You may not open this account." });
    await expect(alert).toContainText("not allowed to open the Razorpay account");
    await expect(alert).toContainText(razorpay.notListed);
    // Asking again would not change the answer: the way out is back to the accounts.
    await expect(alert.getByRole("button", { name: "Try again" })).toHaveCount(0);
    await expect(alert.getByRole("link", { name: "Back to the accounts" })).toBeVisible();
    await expect(list.table).toHaveCount(0);

    expect(await sandbox.faultHits(probe)).toBe(0);
  });
});
