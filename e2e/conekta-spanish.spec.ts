import { conekta } from "./fixtures/conekta";
import { expect, test } from "./fixtures/test";
import { formNames, WebhookFormPage } from "./pages/webhook-form";
import { listNames, WebhooksListPage } from "./pages/webhooks-list";

test.use({ language: "es" });

test.describe("Conekta in Spanish", () => {
  test("the list, the switcher and the delete dialog speak Spanish", async ({ page }) => {
    const list = new WebhooksListPage(page, listNames.es);
    await list.goto("conekta", conekta.holding, "?limit=5");

    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(list.heading).toBeVisible();
    await expect(list.search).toBeVisible();
    await expect(list.newWebhook).toBeVisible();
    await expect(page.getByText("7 de 10 webhooks usados", { exact: true })).toBeVisible();
    await expect(list.previousPage).toBeDisabled();
    await expect(list.nextPage).toBeEnabled();
    const first = list.rows.first();
    await expect(list.pingButton(first)).toBeVisible();
    await expect(list.editLink(first)).toBeVisible();
    await expect(list.rows.first().getByRole("cell").nth(2)).toHaveText("Escuchando");
    await expect(list.rows.first()).toContainText("17 eventos");
    await expect(list.rows.first().getByRole("button", { name: "Copiar URL" })).toBeVisible();

    await list.accountSwitcher.click();
    await expect(list.accountOption(conekta.names.holding)).toBeVisible();
    await expect(list.accountOption("Cargar más cuentas")).toBeVisible();
    await expect(page.getByRole("button", { name: "Buscar cuentas" })).toBeVisible();
    await list.accountSwitcher.pressSequentially("zzz-nadie");
    await expect(page.getByText("Ninguna cuenta coincide.")).toBeVisible();
    await page.keyboard.press("Escape");

    await list.deleteButton(list.rows.first()).click();
    const dialog = page.getByRole("alertdialog", { name: "¿Eliminar este webhook?" });
    await expect(dialog).toContainText("dejará de recibir eventos. No se puede deshacer.");
    await expect(dialog.getByRole("button", { name: "Eliminar", exact: true })).toBeVisible();
    await dialog.getByRole("button", { name: "Cancelar" }).click();
    await expect(dialog).toBeHidden();

    await list.search.fill("no-existe");
    await expect(page.getByText("Ningún webhook coincide con «no-existe».")).toBeVisible();
    await page.getByRole("button", { name: "Borrar búsqueda" }).click();
    await expect(list.rows).toHaveCount(5);
  });

  test("the limit and the form speak Spanish", async ({ page }) => {
    const list = new WebhooksListPage(page, listNames.es);
    await list.goto("conekta", conekta.fullChild);
    await expect(page.getByText("10 de 10 webhooks usados", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Nuevo webhook" })).toHaveAccessibleDescription(
      "Esta cuenta llegó al límite de 10 webhooks de Conekta. Elimina uno para agregar otro.",
    );

    const form = new WebhookFormPage(page, formNames.es);
    await form.gotoNew(conekta.emptyChild);
    await expect(page.getByRole("heading", { name: "Nuevo webhook" })).toBeVisible();
    await expect(form.selectedCount).toHaveText("Ningún evento seleccionado de 67");
    await form.searchEvents.fill("payout");
    await form.group("payout").check();
    await expect(form.selectedCount).toHaveText("4 eventos seleccionados de 67");
    await form.url.fill("ftp://x");
    await form.save.click();
    await expect(form.url).toHaveAccessibleDescription(
      "Escribe una URL completa con http:// o https://.",
    );
    await form.back.click();
    const leave = page.getByRole("alertdialog", { name: "¿Salir sin guardar?" });
    await leave.getByRole("button", { name: "Quedarme" }).click();
    await expect(page).toHaveURL(`/conekta/${conekta.emptyChild}/webhooks/new`);
    await expect(form.url).toHaveValue("ftp://x");
  });
});
