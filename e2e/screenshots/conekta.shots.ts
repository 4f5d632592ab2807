import { conekta } from "../fixtures/conekta";
import { expect, test } from "../fixtures/test";
import { formNames, WebhookFormPage } from "../pages/webhook-form";
import { listNames, WebhooksListPage } from "../pages/webhooks-list";

// Screenshots for a person to look at (layout at desktop and phone widths), not part of `npm test`:
// `npm run shots` takes them (playwright.shots.config.ts); they go to /tmp/shots/ or SHOTS_DIR.
const dir = process.env.SHOTS_DIR ?? "/tmp/shots";

for (const language of ["en", "es"] as const) {
  for (const width of [1280, 390]) {
    test.describe(`screenshots ${language} ${width}px`, () => {
      test.use({ language, viewport: { width, height: 900 } });
      const name = (view: string) => `${dir}/conekta-${view}-${language}-${width}.png`;

      test("list, switcher and delete dialog", async ({ page }) => {
        const list = new WebhooksListPage(page, listNames[language]);
        await list.goto("conekta", conekta.holding);
        await expect(list.rows).toHaveCount(7);
        await page.screenshot({ path: name("list"), fullPage: true });
        await list.accountSwitcher.click();
        await expect(list.accountOptions.first()).toBeVisible();
        await page.screenshot({ path: name("switcher") });
        await page.keyboard.press("Escape");
        await list.deleteButton(list.row("grupo-basic-auth")).click();
        await expect(page.getByRole("alertdialog")).toBeVisible();
        await page.screenshot({ path: name("dialog") });
      });

      test("form", async ({ page }) => {
        const form = new WebhookFormPage(page, formNames[language]);
        await form.gotoNew(conekta.emptyChild);
        await form.url.fill("ftp://x");
        await form.searchEvents.fill("order");
        await form.chooseEvents("order.paid", "order.created");
        await form.searchEvents.fill("");
        await form.save.click();
        await expect(form.url).toHaveAttribute("aria-invalid", "true");
        await page.screenshot({ path: name("form"), fullPage: true });
      });
    });
  }
}
