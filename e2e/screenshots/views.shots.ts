import { CONEKTA_SEED } from "@/lib/sandbox/conekta/seed";
import { conekta, receiverUrl, toasts } from "../fixtures/conekta";
import { razorpay } from "../fixtures/razorpay";
import { expect, test } from "../fixtures/test";
import { formNames, WebhookFormPage } from "../pages/webhook-form";
import { listNames, WebhooksListPage } from "../pages/webhooks-list";

// Screenshots for a person to look at, not part of `npm test`: `npm run shots` takes every view
// below in both languages, at 1280 and 390 px, in the light and the dark theme, and writes them to
// /tmp/shots/ (or SHOTS_DIR) as {view}-{language}-{width}-{theme}.png.
const dir = process.env.SHOTS_DIR ?? "/tmp/shots";

for (const language of ["en", "es"] as const) {
  for (const width of [1280, 390]) {
    for (const theme of ["light", "dark"] as const) {
      test.describe(`${language} ${width}px ${theme}`, () => {
        test.use({ language, colorScheme: theme, viewport: { width, height: 900 } });
        const shot = (view: string) => ({
          path: `${dir}/${view}-${language}-${width}-${theme}.png`,
        });
        const names = listNames[language];

        test("list, switcher, delete dialog and ping toast", async ({ page }) => {
          const list = new WebhooksListPage(page, names);
          await list.goto("conekta", conekta.holding);
          await expect(list.rows).toHaveCount(7);
          await page.screenshot({ ...shot("list"), fullPage: true });

          await list.accountSwitcher.click();
          await expect(list.accountOptions.first()).toBeVisible();
          await page.screenshot(shot("switcher"));
          await page.keyboard.press("Escape");

          await list.deleteButton(list.row("grupo-basic-auth")).click();
          await expect(page.getByRole("alertdialog")).toBeVisible();
          await page.screenshot(shot("delete-dialog"));
          await page.keyboard.press("Escape");

          await list.pingButton(list.row("ok/grupo-orders")).click();
          await expect(toasts(page).getByRole("listitem")).toHaveCount(1);
          await page.screenshot(shot("ping-toast"));
        });

        test("failed ping details", async ({ page }) => {
          const list = new WebhooksListPage(page, names);
          await list.goto("razorpay", razorpay.aurora);
          const row = list.row(receiverUrl(razorpay.webhooks.fundAccounts.path));
          await list.pingButton(row).click();
          await expect(toasts(page).getByRole("listitem")).toHaveCount(1);
          await row.getByText(language === "es" ? "Detalles" : "Details").click();
          await page.screenshot({ ...shot("ping-details"), fullPage: true });
        });

        test("new form with errors, and an edit with 14 events", async ({ page }) => {
          const form = new WebhookFormPage(page, formNames[language]);
          await form.gotoNew(conekta.emptyChild);
          await form.url.fill("ftp://x");
          await form.chooseEvents("order.paid", "order.created");
          await form.save.click();
          await expect(form.url).toHaveAttribute("aria-invalid", "true");
          await page.screenshot({ ...shot("form"), fullPage: true });

          await form.gotoEdit(conekta.holding, CONEKTA_SEED.webhooks.parentOk);
          await expect(form.url).toHaveValue(receiverUrl("ok/grupo-orders"));
          await page.screenshot({ ...shot("edit"), fullPage: true });
        });

        test("empty, at the limit and error", async ({ page, sandbox, exclusive }) => {
          const list = new WebhooksListPage(page, names);
          await list.goto("conekta", conekta.emptyChild);
          await expect(list.newWebhook).toBeVisible();
          await page.screenshot({ ...shot("empty"), fullPage: true });

          await list.goto("conekta", conekta.fullChild);
          await expect(list.rows).toHaveCount(10);
          await page.screenshot({ ...shot("at-limit"), fullPage: true });

          await exclusive(conekta.children.boutique);
          await sandbox.addFault({
            provider: "conekta",
            account: conekta.children.boutique,
            method: "GET",
            path: "^/webhooks$",
            kind: "status",
            status: 500,
            retryAfter: 1,
          });
          await list.goto("conekta", conekta.children.boutique);
          await expect(page.getByRole("button", { name: names.tryAgain })).toBeVisible();
          await page.screenshot({ ...shot("error"), fullPage: true });
        });
      });
    }
  }
}
