import { conekta, receiverUrl, toasts } from "./fixtures/conekta";
import { razorpay } from "./fixtures/razorpay";
import { tabTo } from "./fixtures/keyboard";
import { expect, test } from "./fixtures/test";
import { WebhooksListPage } from "./pages/webhooks-list";

// Issue 10, items 2 and 5: rows that fit on one line, no layout shift while the list loads, and
// focus that follows navigation.

test.describe("at 1280 px", () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test("every row is one line, under 64 px, with the URL cut in the middle", async ({ page }) => {
    const list = new WebhooksListPage(page);
    await list.goto("conekta", conekta.holding);
    await expect(list.rows).toHaveCount(7);
    for (const row of await list.rows.all()) {
      const box = await row.boundingBox();
      expect(box?.height, await row.innerText()).toBeLessThan(64);
    }
    // The longest URL is cut in the middle: its host and its end are both seen, and the whole
    // URL is still the row's text (for a screen reader, a search, a copy) and its tooltip.
    const url = receiverUrl("ok/grupo-subscriptions");
    const cell = list.row(url).getByRole("cell").first();
    await expect(cell).toContainText(url);
    await expect(cell.getByTitle(url)).toBeVisible();
    const head = cell.getByTitle(url).locator("span").first();
    expect(await head.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await expect(cell.getByTitle(url).locator("span").last()).toHaveText(url.slice(-18));
  });
});

test("nothing moves while a slow list loads (CLS 0)", async ({ page, sandbox, exclusive }) => {
  await exclusive(conekta.children.papeleria);
  await sandbox.addFault({
    provider: "conekta",
    account: conekta.children.papeleria,
    method: "GET",
    path: "^/webhooks$",
    kind: "latency",
    latencyMs: 1_500,
  });
  const list = new WebhooksListPage(page);
  // A search is fetched by the browser (the plain list comes in the first HTML), so the skeleton
  // shows while the slow provider answers.
  await list.goto("conekta", conekta.children.papeleria, "?q=papeleria");
  await expect(page.getByRole("status", { name: "Loading webhooks" })).toBeVisible();
  await expect(list.rows).toHaveCount(1);
  // Each shift, with what moved, so a failure says where to look.
  const shifts = await page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const seen: string[] = [];
        new PerformanceObserver((entries) => {
          for (const entry of entries.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
            sources: { node?: Node; previousRect: DOMRect; currentRect: DOMRect }[];
          })[]) {
            if (entry.hadRecentInput) continue;
            const moved = entry.sources.map((source) => {
              const node = source.node;
              const name =
                node instanceof Element
                  ? `${node.tagName.toLowerCase()}.${node.className}`.slice(0, 80)
                  : String(node?.nodeName);
              return `${name} ${JSON.stringify(source.previousRect)} → ${JSON.stringify(source.currentRect)}`;
            });
            seen.push(`${entry.value.toFixed(4)}: ${moved.join("; ")}`);
          }
        }).observe({ type: "layout-shift", buffered: true });
        setTimeout(() => resolve(seen), 300);
      }),
  );
  expect(shifts).toEqual([]);
});

test("focus goes to the new page's heading after a navigation", async ({ page }) => {
  const list = new WebhooksListPage(page);
  await list.goto("conekta", conekta.otherChild);
  await expect(list.rows).toHaveCount(1);
  await tabTo(page, list.editLink(list.rows.first()));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();

  // Back on the list (the breadcrumb), the list's heading has it.
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link").last().click();
  await expect(list.heading).toBeFocused();
});

test.describe("at 390 px", () => {
  test.use({ viewport: { width: 390, height: 800 } });

  test("a dialog is a sheet along the bottom edge, full width", async ({ page }) => {
    const list = new WebhooksListPage(page);
    await list.goto("conekta", conekta.otherChild);
    await list.deleteButton(list.rows.first()).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog).toBeVisible();
    await expect(async () => {
      const box = await dialog.boundingBox();
      expect(box?.x).toBe(0);
      expect(box?.width).toBe(390);
      expect(Math.round((box?.y ?? 0) + (box?.height ?? 0))).toBe(800);
    }).toPass();
    await page.keyboard.press("Escape");
    await expect(list.deleteButton(list.rows.first())).toBeFocused();
  });
});

test("a failed ping's Details show the status and the start of the endpoint's reply", async ({
  page,
}) => {
  const list = new WebhooksListPage(page);
  await list.goto("razorpay", razorpay.aurora);
  const row = list.row(receiverUrl(razorpay.webhooks.fundAccounts.path));
  await list.pingButton(row).click();
  await expect(toasts(page)).toContainText("Ping failed (HTTP 500)");
  await row.getByText("Details").click();
  const facts = row.getByRole("definition");
  await expect(facts.first()).toHaveText("500");
  // The sandbox's failing receiver answers {"received":false,...}.
  await expect(row).toContainText('{"received":false');
});

test("the plain list comes in the first HTML: the browser does not ask for it again", async ({
  page,
}) => {
  const listCalls: string[] = [];
  page.on("request", (request) => {
    if (/\/api\/conekta\/[^/]+\/webhooks(\?|$)/.test(request.url())) listCalls.push(request.url());
  });
  const path = `/conekta/${conekta.otherChild}/webhooks`;
  const html = await (await page.request.get(path)).text();
  expect(html).toContain("<table");
  expect(html).toContain(receiverUrl("ok/panaderia"));

  const list = new WebhooksListPage(page);
  await list.goto("conekta", conekta.otherChild);
  await expect(list.rows).toHaveCount(1);
  await page.waitForLoadState("networkidle");
  expect(listCalls).toEqual([]);
});
