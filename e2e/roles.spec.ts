import { authFile } from "./fixtures/auth";
import { expect, seed, test } from "./fixtures/test";
import { listNames, WebhooksListPage } from "./pages/webhooks-list";

const names = listNames.en;

test.describe("a viewer", () => {
  test.use({ storageState: authFile("viewer") });

  test("sees their account's webhooks with no New, Edit, Delete or ping buttons", async ({
    page,
  }) => {
    const list = new WebhooksListPage(page, names);
    await list.goto("razorpay", seed.razorpay.aurora);
    await expect(list.rows.first()).toBeVisible();
    await expect(page.getByRole("link", { name: names.newWebhook })).toHaveCount(0);
    await expect(page.getByRole("button", { name: names.newWebhook })).toHaveCount(0);
    await expect(page.getByRole("button", { name: names.ping })).toHaveCount(0);
    await expect(page.getByRole("link", { name: names.edit })).toHaveCount(0);
    await expect(page.getByRole("button", { name: names.delete })).toHaveCount(0);
  });

  test("is told plainly that the edit page is not theirs to open", async ({ page }) => {
    const response = await page.goto(`/razorpay/${seed.razorpay.aurora}/webhooks/new`);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You may not open this page" })).toBeVisible();
  });
});

test.describe("a merchant", () => {
  test.use({ storageState: authFile("merchant") });

  test("switches only between their own accounts", async ({ page }) => {
    await page.goto("/accounts");
    const conekta = page.getByRole("region", { name: "Conekta" });
    await expect(conekta.getByRole("list", { name: "Conekta accounts" })).toHaveText(
      /Panadería La Esperanza/,
    );
    await expect(conekta.getByRole("listitem")).toHaveCount(1);
  });

  test("cannot open another merchant's account, and is told so", async ({ page }) => {
    const response = await page.goto(`/razorpay/${seed.razorpay.spices}/webhooks`);
    expect(response?.status()).toBe(403);
    await expect(
      page.getByRole("alert").filter({ hasText: "You may not open this page" }),
    ).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
  });
});
