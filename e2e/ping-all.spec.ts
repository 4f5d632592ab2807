import { conekta, createWebhookViaApi, deleteWebhooksMatching, toasts } from "./fixtures/conekta";
import { uniqueReceiverUrl } from "./fixtures/sandbox";
import { expect, test } from "./fixtures/test";
import { WebhooksListPage } from "./pages/webhooks-list";

// Issue 10, item 4: "Ping all" pings every webhook of the account, four at a time, and each result
// lands in its row. Óptica Visión Puebla is this test's own: one seeded webhook, three added here.
const account = conekta.children.optica;

test("Ping all pings every webhook, results in the rows, then a summary", async ({
  page,
  request,
}) => {
  const label = `ping-all-${Date.now().toString(36)}`;
  const urls = [
    uniqueReceiverUrl("ok", label),
    uniqueReceiverUrl("ok", label),
    uniqueReceiverUrl("fail", label),
  ];
  for (const url of urls)
    await createWebhookViaApi(request, account, { url, events: ["order.paid"] });
  try {
    const list = new WebhooksListPage(page);
    await list.goto("conekta", account);
    await expect(list.rows).toHaveCount(4);
    const pings: string[] = [];
    page.on(
      "request",
      (r) => r.method() === "POST" && r.url().endsWith("/ping") && pings.push(r.url()),
    );

    await page.getByRole("button", { name: "Ping all" }).click();
    await expect(toasts(page)).toContainText(
      "Pinged 4 webhooks: 3 delivered, 1 failed, 0 not confirmed",
      { timeout: 20_000 },
    );
    expect(pings).toHaveLength(4);
    for (const url of urls)
      await expect(list.row(url)).toContainText(url.includes("/fail/") ? "Failed" : "Delivered");
  } finally {
    await deleteWebhooksMatching(request, account, label);
  }
});
