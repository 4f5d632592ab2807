import { conekta, deleteWebhooksMatching, toasts, uniqueReceiverUrl } from "./fixtures/conekta";
import { expect, test } from "./fixtures/test";
import { formNames, WebhookFormPage } from "./pages/webhook-form";
import { listNames, WebhooksListPage } from "./pages/webhooks-list";

// Each test that breaks the provider does so for one company of its own (see fixtures/conekta.ts).

test.describe("Conekta failing", () => {
  const cases = [
    {
      name: "an error status",
      account: conekta.children.boutique,
      fault: { kind: "status", status: 500 } as const,
      message: "Conekta failed to answer (HTTP 500). Try again in a moment.",
    },
    {
      name: "no answer in time",
      account: conekta.children.ferreteria,
      fault: { kind: "latency", latencyMs: 5_000 } as const,
      message: "Conekta did not answer in time. Try again in a moment.",
    },
  ];
  for (const { name, account, fault, message } of cases) {
    test(`shows ${name} as an error whose Try again works once Conekta is back`, async ({
      page,
      sandbox,
      exclusive,
    }) => {
      test.slow();
      await exclusive(account);
      const faultId = await sandbox.addFault({
        provider: "conekta",
        method: "GET",
        path: "^/webhooks",
        account,
        ...fault,
      });
      const list = new WebhooksListPage(page);
      await list.goto("conekta", account);

      const alert = page
        .getByRole("alert")
        .filter({ hasText: "The webhooks could not be loaded." });
      await expect(alert).toContainText(message, { timeout: 20_000 });
      await expect(alert).toContainText(/Request id: \S+/);
      await expect(list.table).toHaveCount(0);

      await sandbox.removeFault(faultId);
      await alert.getByRole("button", { name: "Try again" }).click();
      await expect(list.rows).toHaveCount(1);
      await expect(alert).toBeHidden();
    });
  }
});

test.describe("Conekta refusing a save", () => {
  test("keeps what was typed when a create and an edit fail, and saves once Conekta is back", async ({
    page,
    sandbox,
    request,
    exclusive,
  }) => {
    const account = conekta.children.taqueria;
    await exclusive(account);
    const url = uniqueReceiverUrl("ok", "retry-save");
    const form = new WebhookFormPage(page);
    try {
      const createFault = await sandbox.addFault({
        provider: "conekta",
        method: "POST",
        path: "^/webhooks$",
        account,
        kind: "status",
        status: 500,
      });
      await form.gotoNew(account);
      await form.url.fill(url);
      await form.chooseEvents("order.paid", "order.created");
      await form.save.click();
      await expect(
        toasts(page).getByText(
          "Could not save: Conekta failed to answer (HTTP 500). Try again in a moment.",
        ),
      ).toBeVisible();
      await expect(page).toHaveURL(`/conekta/${account}/webhooks/new`);
      await expect(form.url).toHaveValue(url);
      await expect(form.event("order.paid")).toBeChecked();
      await expect(form.event("order.created")).toBeChecked();
      await expect(form.save).toBeEnabled();

      await sandbox.removeFault(createFault);
      await form.save.click();
      await expect(toasts(page).getByText("Webhook created")).toBeVisible();
      const list = new WebhooksListPage(page);
      await expect(list.row(url)).toContainText("2 events");

      // The same for an edit.
      await list.editLink(list.row(url)).click();
      await expect(form.url).toHaveValue(url);
      const editFault = await sandbox.addFault({
        provider: "conekta",
        method: "PUT",
        path: "^/webhooks/",
        account,
        kind: "status",
        status: 500,
      });
      const editedUrl = `${url}-edited`;
      await form.url.fill(editedUrl);
      await form.event("order.created").uncheck();
      await form.save.click();
      // The create's failure may still be showing: the newest toast is the edit's.
      await expect(
        toasts(page)
          .getByText(/^Could not save: Conekta failed/)
          .last(),
      ).toBeVisible();
      await expect(form.url).toHaveValue(editedUrl);
      await expect(form.event("order.created")).not.toBeChecked();
      await expect(form.event("order.paid")).toBeChecked();

      await sandbox.removeFault(editFault);
      await form.save.click();
      await expect(toasts(page).getByText("Webhook saved")).toBeVisible();
      await expect(list.row(editedUrl)).toContainText("1 event");
    } finally {
      await deleteWebhooksMatching(request, account, new URL(url).pathname);
    }
  });

  test("offers to retry the events when the webhook was created without them", async ({
    page,
    sandbox,
    request,
    exclusive,
  }) => {
    // At 2.1.0 a create is two calls (POST, then PUT with the events); here the second one fails.
    const account = conekta.children.gimnasio;
    await exclusive(account);
    const url = uniqueReceiverUrl("ok", "half-created");
    const form = new WebhookFormPage(page);
    try {
      await sandbox.addFault({
        provider: "conekta",
        method: "PUT",
        path: "^/webhooks/",
        account,
        kind: "status",
        status: 500,
        times: 1,
      });
      await form.gotoNew(account);
      await form.url.fill(url);
      await form.chooseEvents("charge.paid");
      await form.save.click();

      const alert = page
        .getByRole("alert")
        .filter({ hasText: "The webhook was created, but its events were not saved." });
      await expect(alert).toBeVisible();
      await expect(form.url).toHaveValue(url);
      await alert.getByRole("button", { name: "Retry saving the events" }).click();
      await expect(toasts(page).getByText("Webhook created")).toBeVisible();
      const list = new WebhooksListPage(page);
      await expect(list.row(url)).toHaveCount(1);
      await expect(list.row(url)).toContainText("1 event");
    } finally {
      await deleteWebhooksMatching(request, account, new URL(url).pathname);
    }
  });

  test("shows Conekta's limit as a conflict when the 11th webhook is refused", async ({ page }) => {
    const form = new WebhookFormPage(page);
    // The full child's "New webhook" is disabled; its address still opens the form.
    await form.gotoNew(conekta.fullChild);
    await form.url.fill(uniqueReceiverUrl("ok", "eleventh"));
    await form.chooseEvents("order.paid");
    const reply = page.waitForResponse(
      (r) => r.request().method() === "POST" && r.url().endsWith("/webhooks"),
    );
    await form.save.click();
    expect((await reply).status()).toBe(409);
    await expect(
      toasts(page).getByText(
        "Could not save: You have reached the limit of 10 webhooks for this environment.",
      ),
    ).toBeVisible();
    await expect(page).toHaveURL(`/conekta/${conekta.fullChild}/webhooks/new`);
  });

  test.describe("in Spanish", () => {
    test.use({ language: "es" });

    test("shows Conekta's own message in Spanish", async ({ page }) => {
      const form = new WebhookFormPage(page, formNames.es);
      await form.gotoNew(conekta.fullChild);
      await form.url.fill(uniqueReceiverUrl("ok", "undecimo"));
      await form.chooseEvents("order.paid");
      await form.save.click();
      await expect(
        toasts(page).getByText(
          "No se pudo guardar: Has alcanzado el límite de 10 webhooks para este ambiente.",
        ),
      ).toBeVisible();
    });

    test("shows the list's error state in Spanish", async ({ page, sandbox, exclusive }) => {
      const account = conekta.children.floreria;
      await exclusive(account);
      await sandbox.addFault({
        provider: "conekta",
        method: "GET",
        path: "^/webhooks",
        account,
        kind: "status",
        status: 503,
      });
      const list = new WebhooksListPage(page, listNames.es);
      await list.goto("conekta", account);
      const alert = page
        .getByRole("alert")
        .filter({ hasText: "No se pudieron cargar los webhooks." });
      await expect(alert.getByRole("button", { name: "Reintentar" })).toBeVisible();
    });
  });
});
