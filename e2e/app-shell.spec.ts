import { conekta } from "./fixtures/conekta";
import { freshUserContext } from "./fixtures/auth";
import { expect, seed, test } from "./fixtures/test";
import { WebhooksListPage } from "./pages/webhooks-list";

// Issue 10, item 1: a shell that always says which provider and account a page shows, and lets
// the user switch either.

test("/ opens the first provider's first account", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(`/conekta/${conekta.holding}/webhooks`);
  await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
});

test("the overview of providers and accounts has its own page, linked from the shell", async ({
  page,
  checkA11y,
}) => {
  await page.goto(`/conekta/${conekta.otherChild}/webhooks`);
  await page.getByRole("link", { name: "See all accounts" }).click();
  await expect(page).toHaveURL("/accounts");
  await expect(page.getByRole("heading", { name: "All accounts", level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Razorpay" })).toContainText("Tienda Aurora");
  await checkA11y(page);
});

test("list and form pages name the provider and the account, and the shell stays put", async ({
  page,
}) => {
  const list = new WebhooksListPage(page);
  await list.goto("conekta", conekta.otherChild);
  const providers = page.getByRole("navigation", { name: "Provider" });
  await expect(providers.locator('[aria-current="true"]')).toHaveText("Conekta");
  await expect(list.accountSwitcher).toHaveAttribute("placeholder", conekta.names.otherChild);

  // The switcher is the same element on the form: the shell is a layout, not part of the page.
  await list.accountSwitcher.evaluate((input) => input.setAttribute("data-kept", "yes"));
  await list.editLink(list.rows.first()).click();
  await expect(page.getByLabel("URL")).toBeVisible();
  await expect(list.accountSwitcher).toHaveAttribute("data-kept", "yes");
  await expect(providers.locator('[aria-current="true"]')).toHaveText("Conekta");
});

test("the provider switch opens the other provider's first account", async ({ page }) => {
  await page.goto(`/conekta/${conekta.holding}/webhooks`);
  await page
    .getByRole("navigation", { name: "Provider" })
    .getByRole("link", { name: "Razorpay" })
    .click();
  await expect(page).toHaveURL(`/razorpay/${seed.razorpay.aurora}/webhooks`);
  await expect(
    page.getByRole("navigation", { name: "Provider" }).locator('[aria-current="true"]'),
  ).toHaveText("Razorpay");
});

test("the holding shows under its own Conekta name, marked as the holding", async ({ page }) => {
  const list = new WebhooksListPage(page);
  await list.goto("conekta", conekta.holding);
  await expect(list.heading).toHaveText(`Webhooks · ${conekta.names.holding}holding`);
  await list.accountSwitcher.click();
  const current = page
    .getByRole("listbox", { name: "Account" })
    .getByRole("option", { selected: true });
  await expect(current).toHaveCount(1);
  await expect(current).toContainText(conekta.names.holding);
  await expect(current).toContainText("holding");
  await expect(current).toContainText(conekta.holding);
});

test("the switcher offers the user's recent accounts first, kept on the server, not in the browser", async ({
  browser,
  checkA11y,
}) => {
  const context = await freshUserContext(browser);
  const page = await context.newPage();
  const list = new WebhooksListPage(page);
  const hydrated = (p = page) => p.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await list.goto("conekta", conekta.fullChild);
  await expect(list.heading).toBeVisible();
  await list.goto("conekta", conekta.otherChild);
  await hydrated();
  await list.accountSwitcher.click();
  const recent = page.getByRole("group", { name: "Recent" }).getByRole("option");
  await expect(recent).toHaveText([
    new RegExp(conekta.names.otherChild),
    new RegExp(conekta.names.fullChild),
  ]);
  // The current account is the selected one; the café (on the second page) is offered at once.
  await expect(recent.first()).toHaveAttribute("aria-selected", "true");
  // Groups in a listbox, the holding mark and the ids pass axe, in the light and the dark theme.
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await checkA11y(page);
  }
  await recent.nth(1).click();
  await expect(page).toHaveURL(`/conekta/${conekta.fullChild}/webhooks`);

  // The database keeps them: a new browser with the same session (no storage but its cookie)
  // sees them too.
  const cookies = await context.storageState();
  const other = await browser.newContext({ storageState: cookies });
  const again = new WebhooksListPage(await other.newPage());
  await again.goto("conekta", conekta.holding);
  await hydrated(again.page);
  await again.accountSwitcher.click();
  await expect(again.page.getByRole("group", { name: "Recent" }).getByRole("option")).toHaveText([
    new RegExp(conekta.names.holding),
    new RegExp(conekta.names.fullChild),
    new RegExp(conekta.names.otherChild),
  ]);
  await other.close();
  await context.close();
});
