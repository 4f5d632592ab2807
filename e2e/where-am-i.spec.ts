import { CONEKTA_SEED } from "@/lib/sandbox/conekta/seed";
import { conekta } from "./fixtures/conekta";
import { expect, seed, test } from "./fixtures/test";

// Issue 10, item 1: every page says which provider and account it shows.

test("the list's heading names the account", async ({ page }) => {
  await page.goto(`/conekta/${conekta.otherChild}/webhooks`);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(`Webhooks · ${conekta.names.otherChild}`);
  // Its accessible name stays the one DESIGN.md gives.
  await expect(heading).toHaveAccessibleName("Webhooks");
});

test("the new-webhook form shows provider › account › page, the account linked to its list", async ({
  page,
}) => {
  await page.goto(`/conekta/${conekta.otherChild}/webhooks/new`);
  const crumbs = page.getByRole("navigation", { name: "Breadcrumb" });
  await expect(crumbs.getByRole("listitem")).toHaveText([
    "Conekta",
    conekta.names.otherChild,
    "New webhook",
  ]);
  await crumbs.getByRole("link", { name: conekta.names.otherChild }).click();
  await expect(page).toHaveURL(`/conekta/${conekta.otherChild}/webhooks`);
});

test("the edit form names the webhook it edits", async ({ page }) => {
  const id = CONEKTA_SEED.webhooks.parentOk;
  await page.goto(`/conekta/default/webhooks/${id}`);
  const crumbs = page.getByRole("navigation", { name: "Breadcrumb" });
  await expect(crumbs.getByRole("listitem")).toHaveText(["Conekta", conekta.names.holding, id]);
  await expect(crumbs.locator('[aria-current="page"]')).toHaveText(id);
});

test.describe("in Spanish", () => {
  test.use({ language: "es" });

  test("Razorpay's form says where it is", async ({ page }) => {
    await page.goto(`/razorpay/${seed.razorpay.aurora}/webhooks/new`);
    const crumbs = page.getByRole("navigation", { name: "Ruta de navegación" });
    await expect(crumbs.getByRole("listitem")).toHaveText([
      "Razorpay",
      "Tienda Aurora",
      "Nuevo webhook",
    ]);
  });
});
