import {
  createRazorpayWebhook,
  deleteRazorpayWebhooksMatching,
  razorpay,
  receiverUrl,
  toasts,
  uniqueReceiverUrl,
} from "./fixtures/razorpay";
import { expect, test } from "./fixtures/test";
import { RazorpayFormPage, razorpayFormNames } from "./pages/razorpay-form";
import { listNames, WebhooksListPage } from "./pages/webhooks-list";

test.describe("Razorpay in Spanish", () => {
  test.use({ language: "es" });

  test("labels the list and reports a ping in Spanish", async ({ page }) => {
    const list = new WebhooksListPage(page, listNames.es);
    await list.goto("razorpay", razorpay.aurora);

    await expect(list.heading).toBeVisible();
    await expect(list.accountSwitcher).toBeVisible();
    await expect(list.search).toBeVisible();
    await expect(list.newWebhook).toBeVisible();
    await expect(page.getByText("14 de 30 webhooks usados", { exact: true })).toBeVisible();
    for (const header of ["URL", "Eventos", "Estado", "Creado", "Acciones"])
      await expect(list.table.getByRole("columnheader", { name: header })).toBeVisible();
    await expect(page.getByLabel("Creado desde")).toBeVisible();
    await expect(page.getByLabel("Creado hasta")).toBeVisible();

    const inactive = list.row(receiverUrl(razorpay.webhooks.inactive.path));
    await expect(inactive).toContainText("Desactivado");
    await expect(inactive).toContainText("1 evento");
    const invoices = list.row(receiverUrl(razorpay.webhooks.invoices.path));
    await expect(invoices).toContainText("Activo");
    await expect(invoices).toContainText("3 eventos");
    await expect(await list.menuItem(invoices, "Ping con firma")).toBeVisible();
    await page.keyboard.press("Escape");

    await list.pingButton(invoices).click();
    await expect(toasts(page)).toContainText("Ping entregado (HTTP 200)");
    await expect(toasts(page)).toContainText(/Respondió en \d+ ms/);

    const fail = list.row(receiverUrl(razorpay.webhooks.fundAccounts.path));
    await list.pingButton(fail).click();
    await expect(toasts(page)).toContainText("Ping fallido (HTTP 500)");
  });

  test("labels the form's Razorpay fields in Spanish", async ({ page }) => {
    const form = new RazorpayFormPage(page, razorpayFormNames.es);
    await form.gotoEdit(razorpay.aurora, razorpay.webhooks.payments.id);
    await expect(form.url).toHaveValue(receiverUrl(razorpay.webhooks.payments.path));
    await expect(form.alertEmail).toBeVisible();
    await expect(form.replaceSecret).toHaveValue("");
    await expect(form.active).toBeChecked();
    await expect(form.save).toBeVisible();
  });
});

test.describe("Razorpay accessibility", () => {
  test("the list has no serious axe violations", async ({ page, checkA11y }) => {
    const list = new WebhooksListPage(page);
    await list.goto("razorpay", razorpay.aurora);
    await expect(list.rows).toHaveCount(razorpay.auroraCount);
    await checkA11y(page);
  });

  test("the signed-ping dialog has no serious axe violations", async ({ page, checkA11y }) => {
    const list = new WebhooksListPage(page);
    await list.goto("razorpay", razorpay.aurora);
    const row = list.row(receiverUrl(razorpay.webhooks.payments.path));
    await (await list.menuItem(row, "Ping with signature")).click();
    const dialog = page.getByRole("dialog", { name: "Send a signed test ping" });
    await expect(dialog.getByLabel("Webhook secret")).toBeFocused();
    await checkA11y(page, '[role="dialog"]');
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    // Focus goes back to the row's menu button, not to the top of the page.
    await expect(row.getByRole("button", { name: "More actions" })).toBeFocused();
  });

  test("the form, its Active switch and the disable confirmation have no serious axe violations", async ({
    page,
    request,
    checkA11y,
  }) => {
    const url = uniqueReceiverUrl("ok", "a11y");
    const { id } = await createRazorpayWebhook(request, razorpay.spices, {
      url,
      events: ["payment.captured"],
      secret: "a11y_secret",
    });
    try {
      const form = new RazorpayFormPage(page);
      await form.gotoEdit(razorpay.spices, id);
      await expect(form.active).toBeChecked();
      await checkA11y(page);

      await form.active.click();
      await expect(form.disableDialog).toBeVisible();
      await checkA11y(page, '[role="alertdialog"]');
      await page.keyboard.press("Escape");
      await expect(form.disableDialog).toBeHidden();
      await expect(form.active).toBeChecked();
      await expect(form.active).toBeFocused();
    } finally {
      await deleteRazorpayWebhooksMatching(request, razorpay.spices, new URL(url).pathname);
    }
  });

  test("the new-webhook form has no serious axe violations", async ({ page, checkA11y }) => {
    const form = new RazorpayFormPage(page);
    await form.gotoNew(razorpay.empty);
    await expect(form.secret).toBeVisible();
    await checkA11y(page);
  });
});
