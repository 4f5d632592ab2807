import { conekta, toasts } from "./fixtures/conekta";
import { hasFocusWithin, tabTo } from "./fixtures/keyboard";
import { expect, test } from "./fixtures/test";
import { WebhooksListPage } from "./pages/webhooks-list";

test("keyboard only: switch company, ping, and open and cancel a delete", async ({ page }) => {
  const list = new WebhooksListPage(page);
  await list.goto("conekta", conekta.holding);
  await expect(list.rows).toHaveCount(7);

  // Switch to Panadería: Tab to the switcher, type, arrow down, Enter.
  await tabTo(page, list.accountSwitcher);
  await page.keyboard.press("ArrowDown");
  await expect(list.accountOption(conekta.names.holding)).toBeVisible();
  await page.keyboard.type("panad");
  await expect(list.accountOptions).toHaveCount(1);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/conekta/${conekta.otherChild}/webhooks`);
  await expect(list.rows).toHaveCount(1);

  // Ping the only webhook.
  const row = list.rows.first();
  await tabTo(page, list.pingButton(row));
  await page.keyboard.press("Enter");
  await expect(toasts(page).getByText("Ping delivered (HTTP 200)")).toBeVisible();

  // Open the delete dialog: focus moves in and stays in.
  const openDelete = list.deleteButton(row);
  await tabTo(page, openDelete);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("alertdialog", { name: "Delete this webhook?" });
  await expect(dialog).toBeVisible();
  expect(await hasFocusWithin(dialog)).toBe(true);
  for (const key of ["Tab", "Tab", "Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab"]) {
    await page.keyboard.press(key);
    expect(await hasFocusWithin(dialog), `focus left the dialog after ${key}`).toBe(true);
  }

  // Escape cancels and gives focus back to the row's Delete.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(openDelete).toBeFocused();

  // So does Cancel, pressed with Enter.
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByRole("button", { name: "Cancel" }));
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(openDelete).toBeFocused();
  await expect(list.rows).toHaveCount(1);
});

test("shortcuts: / searches, ? lists the shortcuts, n opens New; typed into a field they are text", async ({
  page,
}) => {
  const list = new WebhooksListPage(page);
  await list.goto("conekta", conekta.emptyChild);
  await expect(list.newWebhook).toBeVisible();

  // The list's keys work once its part of the page is hydrated (it streams in after the shell).
  await expect(async () => {
    await page.keyboard.press("/");
    await expect(list.search).toBeFocused({ timeout: 500 });
  }).toPass();
  await page.keyboard.type("n?");
  await expect(list.search).toHaveValue("n?");
  await expect(page).toHaveURL(/\/webhooks(\?|$)/);
  await list.search.fill("");
  await list.search.blur();

  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  await page.keyboard.press("n");
  await expect(page).toHaveURL(`/conekta/${conekta.emptyChild}/webhooks/new`);
});
