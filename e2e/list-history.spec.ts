import { razorpay, receiverUrl } from "./fixtures/razorpay";
import { expect, test } from "./fixtures/test";
import { WebhooksListPage } from "./pages/webhooks-list";

// Tienda Aurora is read only for every test: its 14 webhooks make two pages of 10.
const aurora = razorpay.aurora;

test.describe("Back and Forward on the webhooks list", () => {
  test("Back returns to the previous page, Forward to the next again", async ({ page }) => {
    const list = new WebhooksListPage(page);
    await list.goto("razorpay", aurora, "?limit=10");
    await expect(list.rows).toHaveCount(10);

    await list.nextPage.click();
    await expect(page).toHaveURL(/[?&]cursor=/);
    await expect(list.rows).toHaveCount(razorpay.auroraCount - 10);

    await page.goBack();
    await expect(page).not.toHaveURL(/[?&]cursor=/);
    await expect(list.rows).toHaveCount(10);
    await expect(list.heading).toBeVisible();

    await page.goForward();
    await expect(page).toHaveURL(/[?&]cursor=/);
    await expect(list.rows).toHaveCount(razorpay.auroraCount - 10);
  });

  test("one Back undoes a typed search, not one key of it", async ({ page }) => {
    const list = new WebhooksListPage(page);
    await list.goto("razorpay", aurora);
    await expect(list.rows).toHaveCount(razorpay.auroraCount);

    await list.search.pressSequentially("refund", { delay: 60 });
    await expect(page).toHaveURL(/[?&]q=refund/);
    await expect(list.rows).toHaveCount(2);
    await expect(list.row(receiverUrl(razorpay.webhooks.refunds.path))).toHaveCount(1);

    await page.goBack();
    await expect(page).not.toHaveURL(/[?&]q=/);
    await expect(list.search).toHaveValue("");
    await expect(list.rows).toHaveCount(razorpay.auroraCount);
  });

  test("Back after a date filter returns to the unfiltered list", async ({ page }) => {
    const list = new WebhooksListPage(page);
    await list.goto("razorpay", aurora);
    await expect(list.rows).toHaveCount(razorpay.auroraCount);

    await page.getByLabel("Created from").fill("2000-01-01");
    await expect(page).toHaveURL(/[?&]from=2000-01-01/);
    await expect(page.getByText(/^Times in /)).toBeVisible();

    await page.goBack();
    await expect(page).not.toHaveURL(/[?&]from=/);
    await expect(page.getByLabel("Created from")).toHaveValue("");
  });
});
