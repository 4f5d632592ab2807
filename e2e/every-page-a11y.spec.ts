import { CONEKTA_SEED } from "@/lib/sandbox/conekta/seed";
import { authFile } from "./fixtures/auth";
import { conekta } from "./fixtures/conekta";
import { expect, seed, test } from "./fixtures/test";

// Issue 10, "done when": axe finds no serious or critical violation on any page, in either theme
// or language. Each page is opened as the user who may see it, and checked in light and in dark.

const support = [
  { name: "accounts overview", path: "/accounts" },
  { name: "Conekta list", path: `/conekta/${conekta.holding}/webhooks` },
  { name: "Razorpay list", path: `/razorpay/${seed.razorpay.aurora}/webhooks` },
  { name: "new webhook", path: `/conekta/${conekta.emptyChild}/webhooks/new` },
  {
    name: "edit webhook",
    path: `/conekta/${conekta.holding}/webhooks/${CONEKTA_SEED.webhooks.parentOk}`,
  },
  { name: "audit log", path: "/audit" },
  { name: "change password", path: "/account/password" },
];

for (const language of ["en", "es"] as const) {
  for (const colorScheme of ["light", "dark"] as const) {
    test.describe(`${language}, ${colorScheme}`, () => {
      test.use({ language, colorScheme });

      for (const { name, path } of support) {
        test(`the ${name} page passes axe`, async ({ page, checkA11y }) => {
          await page.goto(path);
          await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
          await page.waitForLoadState("networkidle");
          await checkA11y(page);
        });
      }

      test.describe("as an admin", () => {
        test.use({ storageState: authFile("admin") });
        test("the users page and a user's page pass axe", async ({ page, checkA11y }) => {
          await page.goto("/users");
          await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
          await page.waitForLoadState("networkidle");
          await checkA11y(page);
          await page.getByRole("table").getByRole("link").first().click();
          await expect(page.getByRole("combobox", { name: /Role|Rol/ })).toBeVisible();
          await checkA11y(page);
        });
      });

      test.describe("as a viewer", () => {
        test.use({ storageState: authFile("viewer") });
        test("the page a role may not open passes axe", async ({ page, checkA11y }) => {
          const response = await page.goto(`/razorpay/${seed.razorpay.spices}/webhooks`);
          expect(response?.status()).toBe(403);
          await checkA11y(page);
        });
      });

      test.describe("signed out", () => {
        test.use({ storageState: { cookies: [], origins: [] } });
        test("the sign-in page passes axe", async ({ page, checkA11y }) => {
          await page.goto("/sign-in");
          await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
          await checkA11y(page);
        });
      });
    });
  }
}
