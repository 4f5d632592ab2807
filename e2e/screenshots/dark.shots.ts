import { demoEmail } from "../fixtures/auth";
import { conekta } from "../fixtures/conekta";
import { toasts } from "../fixtures/razorpay";
import { expect, test } from "../fixtures/test";
import { formNames, WebhookFormPage } from "../pages/webhook-form";
import { listNames, WebhooksListPage } from "../pages/webhooks-list";

// Screenshots of the dark theme (the system's scheme) for a person to look at, at desktop and phone
// widths: `npm run shots`; they go to /tmp/shots/ or SHOTS_DIR.
const dir = process.env.SHOTS_DIR ?? "/tmp/shots";

for (const width of [1280, 390]) {
  test.describe(`dark screenshots ${width}px`, () => {
    test.use({ colorScheme: "dark", viewport: { width, height: 900 } });
    const name = (view: string) => `${dir}/dark-${view}-${width}.png`;

    test("list, toasts, user menu and delete dialog", async ({ page }) => {
      const list = new WebhooksListPage(page);
      await list.goto("conekta", conekta.holding);
      await expect(list.rows).toHaveCount(7);
      await page.screenshot({ path: name("list"), fullPage: true });

      await list.rows.first().getByRole("button", { name: listNames.en.copyUrl }).click();
      await list.pingButton(list.rows.first()).click();
      await expect(toasts(page).getByRole("listitem")).toHaveCount(2);
      await page.screenshot({ path: name("toasts") });

      await page.getByRole("button", { name: demoEmail("support") }).click();
      await page.screenshot({ path: name("user-menu") });
      await page.keyboard.press("Escape");

      await list.deleteButton(list.rows.first()).click();
      await expect(page.getByRole("alertdialog")).toBeVisible();
      await page.screenshot({ path: name("dialog") });
    });

    test("form with errors", async ({ page }) => {
      const form = new WebhookFormPage(page, formNames.en);
      await form.gotoNew(conekta.emptyChild);
      await form.url.fill("ftp://x");
      await form.chooseEvents("order.paid", "order.created");
      await form.save.click();
      await expect(form.url).toHaveAttribute("aria-invalid", "true");
      await page.screenshot({ path: name("form"), fullPage: true });
    });
  });
}

test.describe("theme switch screenshots", () => {
  test.use({ colorScheme: "light", language: "es", viewport: { width: 390, height: 900 } });

  test("user menu in Spanish, light", async ({ page }) => {
    await new WebhooksListPage(page, listNames.es).goto("conekta", conekta.holding);
    await page.getByRole("button", { name: demoEmail("support") }).click();
    await page.screenshot({ path: `${dir}/light-user-menu-es-390.png` });
    await page.getByRole("radio", { name: "Oscuro" }).check();
    await page.screenshot({ path: `${dir}/dark-user-menu-es-390.png` });
  });
});
