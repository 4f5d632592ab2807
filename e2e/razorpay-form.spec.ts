import {
  createRazorpayWebhook,
  deleteRazorpayWebhooksMatching,
  razorpay,
  toasts,
  uniqueReceiverUrl,
} from "./fixtures/razorpay";
import { expect, test } from "./fixtures/test";
import { RazorpayFormPage } from "./pages/razorpay-form";
import { WebhooksListPage } from "./pages/webhooks-list";

// Creating happens in Empty Books, editing and deleting in Mumbai Spices, each with its own URL;
// Tienda Aurora stays read only (the failed-save test only breaks its POSTs, which nobody else sends).
const MARK = "e2e-rzp-";

test.describe("Razorpay webhook form", () => {
  test.afterEach(async ({ request }, testInfo) => {
    const labels = testInfo.annotations.filter((a) => a.type === "url");
    for (const { description: label } of labels) {
      if (!label) continue;
      for (const account of [razorpay.empty, razorpay.spices, razorpay.aurora])
        await deleteRazorpayWebhooksMatching(request, account, label);
    }
  });

  /** Notes the test's unique URL so afterEach removes whatever the test left behind. */
  const own = (url: string) => {
    test.info().annotations.push({ type: "url", description: url.slice(url.indexOf(MARK)) });
    return url;
  };

  test("creates a webhook with events, alert email and a secret that is never sent back", async ({
    page,
  }) => {
    const url = own(uniqueReceiverUrl("ok", "create"));
    const secret = `whsec_${Math.random().toString(36).slice(2)}_never_shown`;
    const bodies: Promise<string>[] = [];
    page.on("response", (response) => {
      if (new URL(response.url()).pathname.startsWith("/api/"))
        bodies.push(response.text().catch(() => ""));
    });

    const form = new RazorpayFormPage(page);
    await form.gotoNew(razorpay.empty);
    await expect(page.getByRole("heading", { name: "New webhook" })).toBeVisible();
    await form.url.fill(url);
    await form.chooseEvents("payment.captured", "refund.processed");
    await expect(form.selectedCount).toContainText("2 events selected");
    await form.alertEmail.fill("alerts@example.com");
    await expect(form.replaceSecret).toHaveCount(0);
    await form.secret.fill(secret);
    await form.save.click();

    await expect(toasts(page)).toContainText("Webhook created");
    await expect(page).toHaveURL(new RegExp(`/razorpay/${razorpay.empty}/webhooks$`));
    const list = new WebhooksListPage(page);
    const row = list.row(url);
    await expect(row).toContainText("2 events");
    await expect(row).toContainText("Active");

    await list.editLink(row).click();
    await expect(form.url).toHaveValue(url);
    await expect(form.event("payment.captured")).toBeChecked();
    await expect(form.event("refund.processed")).toBeChecked();
    await expect(form.event("payment.failed")).not.toBeChecked();
    await expect(form.alertEmail).toHaveValue("alerts@example.com");
    // The secret is set, and shown only as set: the field to replace it starts empty.
    await expect(form.replaceSecret).toHaveValue("");
    await expect(page.getByText("A secret is set.")).toBeVisible();
    // Fresh from the server too, not only from the cache the create filled.
    await page.reload();
    await expect(form.replaceSecret).toHaveValue("");
    await expect(form.alertEmail).toHaveValue("alerts@example.com");

    // The create's reply, the list and the reloaded webhook: none carries the secret.
    const replies = await Promise.all(bodies);
    expect(replies.length).toBeGreaterThanOrEqual(3);
    expect(replies.filter((body) => body.includes(secret))).toEqual([]);
    expect(replies.some((body) => body.includes('"hasSecret":true'))).toBe(true);
    expect(await page.content()).not.toContain(secret);
  });

  test("edits URL and events and replaces the secret", async ({ page, request, sandbox }) => {
    const before = own(uniqueReceiverUrl("ok", "edit"));
    const { id } = await createRazorpayWebhook(request, razorpay.spices, {
      url: before,
      events: ["payment.captured"],
      secret: "old_secret_123",
    });
    const after = own(uniqueReceiverUrl("ok", "edited"));
    const newSecret = "new_secret_456";

    const form = new RazorpayFormPage(page);
    await form.gotoEdit(razorpay.spices, id);
    await expect(form.url).toHaveValue(before);
    await form.url.fill(after);
    await form.event("payment.captured").uncheck();
    await form.chooseEvents("order.paid", "payment.failed", "qr_code.credited");
    await form.replaceSecret.fill(newSecret);
    await form.save.click();

    await expect(toasts(page)).toContainText("Webhook saved");
    const list = new WebhooksListPage(page);
    await expect(list.row(after)).toContainText("3 events");
    await expect(list.row(before)).toHaveCount(0);

    // Only the new secret signs deliveries the sandbox accepts.
    const path = new URL(after).pathname;
    for (const [secret, signature] of [
      [newSecret, "valid"],
      ["old_secret_123", "invalid"],
    ] as const) {
      const ping = await request.post(`/api/razorpay/${razorpay.spices}/webhooks/${id}/ping`, {
        data: { secret },
      });
      expect(ping.status()).toBe(200);
      const deliveries = await sandbox.deliveries(path);
      expect(deliveries.at(-1)?.signature).toBe(signature);
    }
  });

  test("the Active switch asks before disabling, not before enabling", async ({
    page,
    request,
  }) => {
    const url = own(uniqueReceiverUrl("ok", "active"));
    const { id } = await createRazorpayWebhook(request, razorpay.spices, {
      url,
      events: ["payment.captured"],
    });
    const form = new RazorpayFormPage(page);
    const list = new WebhooksListPage(page);
    await form.gotoEdit(razorpay.spices, id);
    await expect(form.active).toBeChecked();

    // Cancelling leaves it on.
    await form.active.click();
    await expect(form.disableDialog).toContainText(url);
    await form.disableDialog.getByRole("button", { name: "Cancel" }).click();
    await expect(form.disableDialog).toBeHidden();
    await expect(form.active).toBeChecked();

    await form.active.click();
    await form.disableDialog.getByRole("button", { name: "Disable" }).click();
    await expect(form.active).not.toBeChecked();
    await form.save.click();
    await expect(toasts(page)).toContainText("Webhook saved");
    await expect(
      page.getByRole("heading", { level: 1, name: "Webhooks", exact: true }),
    ).toBeVisible();
    await expect(list.row(url)).toContainText("Disabled");

    await list.editLink(list.row(url)).click();
    await expect(form.active).not.toBeChecked();
    await form.active.click();
    await expect(form.active).toBeChecked();
    await expect(form.disableDialog).toHaveCount(0);
    await form.save.click();
    // Back on the list (the edit page has tables of its own: History, Recent pings).
    await expect(
      page.getByRole("heading", { level: 1, name: "Webhooks", exact: true }),
    ).toBeVisible();
    await expect(list.row(url)).toContainText("Active");
  });

  test("deletes from the row and from the form, naming the URL in the dialog", async ({
    page,
    request,
  }) => {
    const fromRow = own(uniqueReceiverUrl("ok", "delete"));
    const fromForm = own(uniqueReceiverUrl("ok", "delete-form"));
    await createRazorpayWebhook(request, razorpay.spices, { url: fromRow, events: ["order.paid"] });
    const { id } = await createRazorpayWebhook(request, razorpay.spices, {
      url: fromForm,
      events: ["order.paid"],
    });

    const list = new WebhooksListPage(page);
    await list.goto("razorpay", razorpay.spices);
    await list.deleteButton(list.row(fromRow)).click();
    const dialog = page.getByRole("alertdialog", { name: "Delete this webhook?" });
    await expect(dialog).toContainText(`${fromRow} will stop receiving events`);
    await dialog.getByRole("button", { name: "Delete" }).click();
    await expect(toasts(page)).toContainText("Webhook deleted");
    await expect(list.row(fromRow)).toHaveCount(0);
    await expect(list.row(fromForm)).toHaveCount(1);

    const form = new RazorpayFormPage(page);
    await form.gotoEdit(razorpay.spices, id);
    await expect(form.url).toHaveValue(fromForm);
    await form.delete.click();
    await expect(dialog).toContainText(fromForm);
    await dialog.getByRole("button", { name: "Delete" }).click();
    await expect(page).toHaveURL(new RegExp(`/razorpay/${razorpay.spices}/webhooks$`));
    await expect(list.row(fromForm)).toHaveCount(0);
    const gone = await request.get(`/api/razorpay/${razorpay.spices}/webhooks/${id}`);
    expect(gone.status()).toBe(404);
  });

  test("shows Razorpay's refusal of an event the account lacks on the events field", async ({
    page,
  }) => {
    const url = own(uniqueReceiverUrl("ok", "bad-event"));
    const form = new RazorpayFormPage(page);
    await form.gotoNew(razorpay.spices);
    // The picker offers the whole catalogue, whatever the account has switched on.
    await form.searchEvents.fill("subscription");
    await expect(form.event("subscription.charged")).toBeVisible();
    await form.url.fill(url);
    await form.chooseEvents("subscription.charged");
    await form.save.click();

    await expect(toasts(page)).toContainText("Invalid event name/names: subscription.charged");
    const eventsError = page.locator("#events-error");
    await expect(eventsError).toContainText("subscription.charged");
    await expect(page).toHaveURL(/\/webhooks\/new$/);
    await expect(form.url).toHaveValue(url);
  });

  const badUrls = [
    {
      name: "a port other than 80/443 on a public host",
      url: "https://hooks.example.com:8080/razorpay",
      reason: "Razorpay only delivers to ports 80 and 443.",
    },
    {
      name: "a private address",
      url: "https://10.0.0.1/hook",
      reason: "Razorpay only delivers to public hosts",
    },
    {
      name: "a blocked request catcher",
      url: "https://webhook.site/abc",
      reason: "Razorpay does not deliver to this domain",
    },
    {
      name: "more than 255 characters",
      url: `https://hooks.example.com/${"a".repeat(256 - "https://hooks.example.com/".length)}`,
      reason: "Razorpay accepts URLs of at most 255 characters.",
    },
  ];

  test("shows each URL rule's reason on the URL field before saving", async ({ page }) => {
    const posts: string[] = [];
    page.on("request", (req) => {
      if (req.method() === "POST" && req.url().includes("/api/")) posts.push(req.url());
    });
    const form = new RazorpayFormPage(page);
    await form.gotoNew(razorpay.empty);
    await form.chooseEvents("payment.captured");
    for (const { name, url, reason } of badUrls) {
      await test.step(name, async () => {
        await form.url.fill(url);
        await form.save.click();
        await expect(form.url).toHaveAttribute("aria-invalid", "true");
        await expect(page.locator("#url-error")).toContainText(reason);
        await expect(form.url).toHaveAccessibleDescription(new RegExp(reason.slice(0, 20)));
      });
    }
    expect(posts).toEqual([]);
  });

  test("keeps everything typed when Razorpay fails the save", async ({ page, sandbox }) => {
    // Only this test sends POSTs to Tienda Aurora, so a fault there disturbs nobody.
    await sandbox.addFault({
      provider: "razorpay",
      account: razorpay.aurora,
      method: "POST",
      kind: "status",
      status: 500,
    });
    const url = own(uniqueReceiverUrl("ok", "failed-save"));
    const form = new RazorpayFormPage(page);
    await form.gotoNew(razorpay.aurora);
    await form.url.fill(url);
    await form.chooseEvents("payment.captured", "order.paid");
    await form.alertEmail.fill("ops@example.com");
    await form.secret.fill("kept_secret");
    await form.save.click();

    await expect(toasts(page)).toContainText(
      "Could not save: Razorpay failed to answer (HTTP 500)",
    );
    await expect(page).toHaveURL(/\/webhooks\/new$/);
    await expect(form.url).toHaveValue(url);
    await expect(form.event("payment.captured")).toBeChecked();
    await expect(form.event("order.paid")).toBeChecked();
    await expect(form.alertEmail).toHaveValue("ops@example.com");
    await expect(form.secret).toHaveValue("kept_secret");
    await expect(form.save).toBeEnabled();
  });
});
