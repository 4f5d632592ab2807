import {
  conekta,
  createWebhookViaApi,
  deleteWebhookViaApi,
  deleteWebhooksMatching,
  toasts,
  uniqueReceiverUrl,
} from "./fixtures/conekta";
import { expect, test } from "./fixtures/test";
import { WebhookFormPage } from "./pages/webhook-form";
import { WebhooksListPage } from "./pages/webhooks-list";

/** Conekta's catalogue (lib/providers/conekta/events.ts): 67 names. */
const TOTAL_EVENTS = 67;

test.describe("Conekta webhook form", () => {
  test("creates a webhook with events picked by group and search, edits it, and deletes it from the form", async ({
    page,
  }) => {
    const account = conekta.emptyChild;
    const list = new WebhooksListPage(page);
    const form = new WebhookFormPage(page);
    const url = uniqueReceiverUrl("ok", "create");

    await list.goto("conekta", account);
    await list.newWebhook.click();
    await expect(page).toHaveURL(`/conekta/${account}/webhooks/new`);
    await expect(form.selectedCount).toHaveText(`No events selected of ${TOTAL_EVENTS}`);
    await form.url.fill(url);

    // A group's checkbox shows none / some / all of its events.
    await form.searchEvents.fill("payout");
    await expect(form.event("payout.created")).toBeVisible();
    await expect(form.event("charge.paid")).toBeHidden();
    await expect(form.group("payout")).not.toBeChecked();
    await form.event("payout.created").check();
    await expect(form.group("payout")).toHaveAttribute("aria-checked", "mixed");
    await expect(form.selectedCount).toHaveText(`1 event selected of ${TOTAL_EVENTS}`);
    await form.group("payout").click();
    await expect(form.group("payout")).toBeChecked();
    await expect(form.event("payout.failed")).toBeChecked();
    await expect(form.selectedCount).toHaveText(`4 events selected of ${TOTAL_EVENTS}`);

    // Select all / none act on what the search shows.
    await form.searchEvents.fill("");
    await form.selectAll.click();
    await expect(form.selectedCount).toHaveText(
      `${TOTAL_EVENTS} events selected of ${TOTAL_EVENTS}`,
    );
    await form.selectNone.click();
    await expect(form.selectedCount).toHaveText(`No events selected of ${TOTAL_EVENTS}`);
    await form.searchEvents.fill("chargeback");
    await form.selectAll.click();
    await expect(form.selectedCount).toHaveText(`5 events selected of ${TOTAL_EVENTS}`);
    await expect(form.group("charge")).toHaveAttribute("aria-checked", "true");
    await form.searchEvents.fill("");
    await expect(form.group("charge")).toHaveAttribute("aria-checked", "mixed");
    await form.chooseEvents("order.paid");
    await expect(form.selectedCount).toHaveText(`6 events selected of ${TOTAL_EVENTS}`);

    // Save cannot be pressed twice: one double click, one webhook.
    const creates: string[] = [];
    page.on("request", (r) => r.method() === "POST" && creates.push(r.url()));
    await form.save.dblclick();
    await expect(toasts(page).getByText("Webhook created")).toBeVisible();
    await expect(page).toHaveURL(`/conekta/${account}/webhooks`);
    expect(creates).toHaveLength(1);
    const row = list.row(url);
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("6 events");
    await row.getByText("6 events").click();
    await expect(row.getByRole("listitem")).toHaveText([
      "charge.chargeback.created",
      "charge.chargeback.updated",
      "charge.chargeback.under_review",
      "charge.chargeback.lost",
      "charge.chargeback.won",
      "order.paid",
    ]);

    // Edit: the form opens with what was saved; a new URL and events are saved.
    await list.editLink(row).click();
    await expect(form.url).toHaveValue(url);
    await expect(form.event("order.paid")).toBeChecked();
    await expect(form.event("charge.paid")).not.toBeChecked();
    await expect(form.selectedCount).toHaveText(`6 events selected of ${TOTAL_EVENTS}`);
    const editedUrl = uniqueReceiverUrl("ok", "edited");
    await form.url.fill(editedUrl);
    await form.event("order.paid").uncheck();
    await form.chooseEvents("customer.created", "customer.updated");
    await form.save.click();
    await expect(toasts(page).getByText("Webhook saved")).toBeVisible();
    await expect(page).toHaveURL(`/conekta/${account}/webhooks`);
    await expect(list.row(url)).toHaveCount(0);
    const edited = list.row(editedUrl);
    await expect(edited).toContainText("7 events");

    await list.editLink(edited).click();
    await expect(form.url).toHaveValue(editedUrl);
    await expect(form.event("order.paid")).not.toBeChecked();
    await expect(form.event("customer.updated")).toBeChecked();
    await expect(form.group("customer")).toHaveAttribute("aria-checked", "mixed");

    // Delete from the form, in a dialog that names the URL.
    await form.delete.click();
    const dialog = page.getByRole("alertdialog", { name: "Delete this webhook?" });
    await expect(dialog).toContainText(editedUrl);
    await dialog.getByRole("button", { name: "Delete", exact: true }).click();
    await expect(toasts(page).getByText("Webhook deleted")).toBeVisible();
    await expect(page).toHaveURL(`/conekta/${account}/webhooks`);
    await expect(list.heading).toBeVisible();
    await expect(list.row(editedUrl)).toHaveCount(0);
  });

  test("deletes from the row after a confirmation; cancelling returns focus to the row's Delete", async ({
    page,
    request,
  }) => {
    const account = conekta.children.libreria;
    const url = uniqueReceiverUrl("ok", "row-delete");
    const created = await createWebhookViaApi(request, account, { url, events: ["order.paid"] });
    try {
      const list = new WebhooksListPage(page);
      await list.goto("conekta", account);
      const row = list.row(url);
      const openDelete = list.deleteButton(row);
      await openDelete.click();

      const dialog = page.getByRole("alertdialog", { name: "Delete this webhook?" });
      await expect(dialog).toContainText(`${url} will stop receiving events.`);
      await dialog.getByRole("button", { name: "Cancel" }).click();
      await expect(dialog).toBeHidden();
      await expect(openDelete).toBeFocused();
      await expect(row).toBeVisible();

      // Confirming cannot be pressed twice: one double click, one request, no "not found" error.
      const deletes: string[] = [];
      page.on("request", (r) => r.method() === "DELETE" && deletes.push(r.url()));
      await openDelete.click();
      await dialog.getByRole("button", { name: "Delete", exact: true }).dblclick();
      await expect(toasts(page).getByText("Webhook deleted")).toBeVisible();
      expect(deletes).toHaveLength(1);
      await expect(toasts(page).getByText(/Could not delete/)).toHaveCount(0);
      await expect(dialog).toBeHidden();
      await expect(row).toHaveCount(0);
      await expect(list.rows.first()).toBeVisible();
    } finally {
      await deleteWebhookViaApi(request, account, created.id);
    }
  });

  test("keeps a URL's user:password, shown masked, when only the events are edited", async ({
    page,
    request,
    sandbox,
  }) => {
    const account = conekta.children.libreria;
    const plain = uniqueReceiverUrl("ok", "credentials");
    const path = new URL(plain).pathname;
    const withCredentials = plain.replace("://", "://demo:pa55@");
    const masked = plain.replace("://", "://****:****@");
    const created = await createWebhookViaApi(request, account, {
      url: withCredentials,
      events: ["order.paid"],
    });
    try {
      expect(created.url).toBe(masked);
      const form = new WebhookFormPage(page);
      await form.gotoEdit(account, created.id);
      await expect(form.url).toHaveValue(masked);
      await expect(page.locator("body")).not.toContainText("pa55");
      await form.chooseEvents("order.created");
      await form.save.click();
      await expect(toasts(page).getByText("Webhook saved")).toBeVisible();

      const list = new WebhooksListPage(page);
      const row = list.row(masked);
      await expect(row).toContainText("2 events");
      await list.pingButton(row).click();
      await expect(toasts(page).getByText("Ping delivered (HTTP 200)")).toBeVisible();
      // The receiver still gets the credentials (as Basic auth), so they were not overwritten.
      const deliveries = await sandbox.deliveries(path);
      expect(deliveries.at(-1)?.headers.authorization).toBe(
        `Basic ${Buffer.from("demo:pa55").toString("base64")}`,
      );
    } finally {
      await deleteWebhookViaApi(request, account, created.id);
    }
  });

  test("checks the URL and the events before sending", async ({ page }) => {
    const form = new WebhookFormPage(page);
    const posts: string[] = [];
    page.on("request", (r) => r.method() === "POST" && posts.push(r.url()));
    await form.gotoNew(conekta.emptyChild);

    await form.save.click();
    await expect(form.url).toHaveAttribute("aria-invalid", "true");
    await expect(form.url).toHaveAccessibleDescription(
      "Enter the URL that will receive the events.",
    );
    await expect(page.getByText("Choose at least one event.")).toBeVisible();

    await form.url.fill("ftp://x");
    await form.chooseEvents("order.paid");
    await form.save.click();
    await expect(form.url).toHaveAccessibleDescription("Enter a full http:// or https:// URL.");
    await expect(page.getByText("Choose at least one event.")).toBeHidden();

    // Plain http is allowed, with a warning.
    await form.url.fill("http://example.com/hook");
    await expect(form.url).toHaveAccessibleDescription(
      "Plain http is allowed, but events will travel unencrypted. Prefer https.",
    );
    expect(posts).toEqual([]);
  });

  test("shows the server's field errors on their fields", async ({ page }) => {
    const form = new WebhookFormPage(page);
    const account = conekta.emptyChild;
    // The sandbox refuses no URL that the form lets through, so the console's 422 is staged here.
    await page.route(`**/api/conekta/${account}/webhooks`, (route) =>
      route.request().method() === "POST"
        ? route.fulfill({
            status: 422,
            json: {
              error: {
                code: "invalid_fields",
                message: "The url is not valid; it must be an absolute http or https URL.",
                fields: {
                  url: ["The url is not valid; it must be an absolute http or https URL."],
                },
                requestId: "e2e-staged",
                provider: {
                  status: 422,
                  code: "conekta.errors.parameter_validation.url.invalid",
                  message: "The url is not valid; it must be an absolute http or https URL.",
                },
              },
            },
          })
        : route.fallback(),
    );
    await form.gotoNew(account);
    await form.url.fill("https://example.com/refused-by-the-provider");
    await form.chooseEvents("order.paid");
    await form.save.click();

    await expect(form.url).toHaveAttribute("aria-invalid", "true");
    await expect(form.url).toHaveAccessibleDescription(
      "The url is not valid; it must be an absolute http or https URL.",
    );
    await expect(toasts(page).getByText(/^Could not save:/)).toBeVisible();
    await expect(page).toHaveURL(`/conekta/${account}/webhooks/new`);
    await expect(form.url).toHaveValue("https://example.com/refused-by-the-provider");
  });

  test("asks before leaving with unsaved changes", async ({ page }) => {
    const form = new WebhookFormPage(page);
    await form.gotoNew(conekta.emptyChild);
    const url = uniqueReceiverUrl("ok", "unsaved");
    await form.url.fill(url);

    await form.back.click();
    const dialog = page.getByRole("alertdialog", { name: "Leave without saving?" });
    await expect(dialog).toContainText("You have unsaved changes.");
    await dialog.getByRole("button", { name: "Stay" }).click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(`/conekta/${conekta.emptyChild}/webhooks/new`);
    await expect(form.url).toHaveValue(url);

    await form.cancel.click();
    await dialog.getByRole("button", { name: "Leave" }).click();
    await expect(page).toHaveURL(`/conekta/${conekta.emptyChild}/webhooks`);
    await expect(new WebhooksListPage(page).heading).toBeVisible();
  });

  test("leaves at once when nothing was changed", async ({ page }) => {
    const form = new WebhookFormPage(page);
    await form.gotoNew(conekta.emptyChild);
    await form.cancel.click();
    await expect(page).toHaveURL(`/conekta/${conekta.emptyChild}/webhooks`);
    await expect(page.getByRole("alertdialog")).toHaveCount(0);
  });

  test("pressing Enter twice in the URL field creates one webhook", async ({ page }) => {
    const account = conekta.emptyChild;
    const form = new WebhookFormPage(page);
    const url = uniqueReceiverUrl("ok", "enter-twice");
    await page.goto(`/conekta/${account}/webhooks/new`);
    await form.url.fill(url);
    await form.chooseEvents("order.paid");

    const creates: string[] = [];
    page.on("request", (r) => r.method() === "POST" && creates.push(r.url()));
    // Two presses as fast as a person's, on the keyboard: the second may land after the first has
    // already saved and left the form, which a press aimed at the URL field would wait for forever.
    await form.url.focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await expect(toasts(page).getByText("Webhook created")).toBeVisible();
    await expect(page).toHaveURL(`/conekta/${account}/webhooks`);

    const response = await page.request.get(`/api/conekta/${account}/webhooks`, {
      params: { q: url, limit: 100 },
    });
    const { data } = (await response.json()) as { data: { id: string; url: string }[] };
    expect(data.filter((w) => w.url === url)).toHaveLength(1);
    expect(creates.filter((u) => u.endsWith(`/api/conekta/${account}/webhooks`))).toHaveLength(1);
    await deleteWebhooksMatching(page.request, account, url);
  });

  test("sends an Idempotency-Key with the create, and the same one when Save is pressed again after a failure", async ({
    page,
    sandbox,
    exclusive,
  }) => {
    const account = conekta.children.taqueria;
    await exclusive(account);
    const url = uniqueReceiverUrl("ok", "idempotency-key");
    const form = new WebhookFormPage(page);
    const keys: (string | undefined)[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().endsWith(`/api/conekta/${account}/webhooks`))
        keys.push(r.headers()["idempotency-key"]);
    });
    try {
      await sandbox.addFault({
        provider: "conekta",
        method: "POST",
        path: "^/webhooks$",
        account,
        kind: "status",
        status: 500,
        times: 1,
      });
      await form.gotoNew(account);
      await form.url.fill(url);
      await form.chooseEvents("order.paid");
      await form.save.click();
      await expect(toasts(page).getByText(/^Could not save: Conekta failed/)).toBeVisible();

      await form.save.click();
      await expect(toasts(page).getByText("Webhook created")).toBeVisible();
      expect(keys).toHaveLength(2);
      expect(keys[0]).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(keys[1]).toBe(keys[0]);
    } finally {
      await deleteWebhooksMatching(page.request, account, new URL(url).pathname);
    }
  });
});
