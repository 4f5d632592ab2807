import { request as playwrightRequest } from "@playwright/test";
import { authFile, consoleUrl, signIn } from "./fixtures/auth";
import {
  conekta,
  createWebhookViaApi,
  deleteWebhookViaApi,
  uniqueReceiverUrl,
} from "./fixtures/conekta";
import { expect, test } from "./fixtures/test";

// The audit log (issue 7, section 5): every change is on the Audit log page and on its webhook's
// History, filters and page live in the URL, and a role without the log is told so plainly.

test.describe("Audit log", () => {
  test("shows a change with who made it, filters it by action and account, and Back undoes a filter", async ({
    page,
    request,
    checkA11y,
  }) => {
    const url = uniqueReceiverUrl("ok", "audit");
    const created = await createWebhookViaApi(request, conekta.emptyChild, {
      url,
      events: ["order.paid"],
    });
    try {
      await page.goto("/audit");
      await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
      const table = page.getByRole("table", { name: "Audit log" });
      const row = table.getByRole("row").filter({ hasText: created.id });
      await expect(row).toContainText("Webhook created");
      await expect(row).toContainText("support@sandbox.test");
      await expect(row).toContainText("OK");
      await checkA11y(page);

      await page.getByLabel("Action").selectOption("webhook.create");
      await expect(page).toHaveURL(/action=webhook\.create/);
      await expect(row).toBeVisible();
      await expect(table).not.toContainText("Signed in");

      await page.getByLabel("Account").fill(`conekta:${conekta.emptyChild}`);
      await expect(page).toHaveURL(new RegExp(`account=conekta%3A${conekta.emptyChild}`));
      await expect(row).toBeVisible();
      await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute(
        "href",
        `/api/audit.csv?account=conekta%3A${conekta.emptyChild}&action=webhook.create`,
      );

      await page.goBack();
      await expect(page).not.toHaveURL(/account=/);
      await expect(page.getByLabel("Account")).toHaveValue("");
      await expect(page.getByLabel("Action")).toHaveValue("webhook.create");

      await row.getByText("Before and after").click();
      await expect(row).toContainText(`"url": "${url}"`);
    } finally {
      await deleteWebhookViaApi(request, conekta.emptyChild, created.id);
    }
  });

  test("pages with Next page and Previous page", async ({ page }) => {
    // 51 sign-ins of the viewer, from a context of their own (the page stays signed in as support).
    const other = await playwrightRequest.newContext({
      baseURL: consoleUrl(),
      extraHTTPHeaders: { origin: consoleUrl() },
    });
    for (let i = 0; i < 51; i++) expect((await signIn(other, "viewer")).status()).toBe(200);
    await other.dispose();

    await page.goto("/audit?action=auth.sign_in&user=viewer%40sandbox.test");
    const table = page.getByRole("table", { name: "Audit log" });
    await expect(table.getByRole("row")).toHaveCount(51); // the header and 50 entries
    await expect(page.getByRole("button", { name: "Previous page" })).toBeDisabled();
    const firstOfPage1 = await table.getByRole("row").nth(1).textContent();

    await page.getByRole("button", { name: "Next page" }).click();
    await expect(page).toHaveURL(/cursor=/);
    await expect(table.getByRole("row").nth(1)).not.toHaveText(firstOfPage1 ?? "");
    await page.getByRole("button", { name: "Previous page" }).click();
    await expect(page).not.toHaveURL(/cursor=/);
    await expect(table.getByRole("row").nth(1)).toHaveText(firstOfPage1 ?? "");
  });

  test("a webhook's edit page has its History", async ({ page, request }) => {
    const created = await createWebhookViaApi(request, conekta.emptyChild, {
      url: uniqueReceiverUrl("ok", "history"),
      events: ["order.paid"],
    });
    try {
      const edit = await request.patch(
        `/api/conekta/${conekta.emptyChild}/webhooks/${created.id}`,
        {
          data: { events: ["order.paid", "charge.paid"] },
        },
      );
      expect(edit.status(), await edit.text()).toBe(200);
      await page.goto(`/conekta/${conekta.emptyChild}/webhooks/${created.id}`);
      const history = page.getByRole("region", { name: "History" });
      await expect(history.getByRole("heading", { name: "History" })).toBeVisible();
      const rows = history.getByRole("table", { name: "History" }).getByRole("row");
      await expect(rows).toHaveCount(3);
      await expect(rows.nth(1)).toContainText("Webhook edited");
      await expect(rows.nth(2)).toContainText("Webhook created");
    } finally {
      await deleteWebhookViaApi(request, conekta.emptyChild, created.id);
    }
  });

  test.describe("in Spanish", () => {
    test.use({ language: "es" });
    test("has its own heading and filter names", async ({ page }) => {
      await page.goto("/audit");
      await expect(page.getByRole("heading", { name: "Registro de auditoría" })).toBeVisible();
      await expect(page.getByLabel("Acción")).toBeVisible();
      await expect(page.getByRole("link", { name: "Exportar CSV" })).toBeVisible();
    });
  });

  test.describe("as a viewer", () => {
    test.use({ storageState: authFile("viewer") });
    test("says plainly that the log is not theirs to read", async ({ page }) => {
      await page.goto("/audit");
      await expect(page.getByText("You may not view the audit log")).toBeVisible();
      await expect(page.getByRole("table")).toHaveCount(0);
    });
  });
});
