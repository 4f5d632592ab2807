import { conekta } from "./fixtures/conekta";
import { expect, test } from "./fixtures/test";
import { formNames, WebhookFormPage } from "./pages/webhook-form";
import { listNames, WebhooksListPage } from "./pages/webhooks-list";

// axe (WCAG 2.1 A/AA, serious and critical) over each Conekta screen, in both languages.
for (const language of ["en", "es"] as const) {
  test.describe(`accessibility (${language})`, () => {
    test.use({ language });

    test("the list, the open switcher and the open delete dialog", async ({ page, checkA11y }) => {
      const list = new WebhooksListPage(page, listNames[language]);
      await list.goto("conekta", conekta.holding);
      await expect(list.rows).toHaveCount(7);
      await checkA11y(page);

      await list.accountSwitcher.click();
      await expect(list.accountOptions.first()).toBeVisible();
      await checkA11y(page);
      await page.keyboard.press("Escape");

      await list.deleteButton(list.rows.first()).click();
      await expect(page.getByRole("alertdialog")).toBeVisible();
      await checkA11y(page);
    });

    test("the form, with its errors showing", async ({ page, checkA11y }) => {
      const form = new WebhookFormPage(page, formNames[language]);
      await form.gotoNew(conekta.emptyChild);
      await expect(form.url).toBeVisible();
      await checkA11y(page);

      await form.save.click();
      await expect(form.url).toHaveAttribute("aria-invalid", "true");
      await checkA11y(page);
    });
  });
}
