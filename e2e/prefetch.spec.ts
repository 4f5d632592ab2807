import { conekta } from "./fixtures/conekta";
import { expect, test } from "./fixtures/test";
import { WebhooksListPage } from "./pages/webhooks-list";

// Issue 11, item 4: the list does not prefetch every row's edit page; a hover or focus on Edit does.
test("a row's edit page is prefetched on intent, not on sight", async ({ page }) => {
  const editPrefetches: string[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (/\/webhooks\/(?!new$)[^/]+$/.test(url.pathname) && r.headers()["rsc"] === "1")
      editPrefetches.push(url.pathname);
  });
  const list = new WebhooksListPage(page);
  await list.goto("conekta", conekta.holding);
  await expect(list.rows).toHaveCount(7);
  await page.waitForLoadState("networkidle");
  expect(editPrefetches).toEqual([]);

  const edit = list.editLink(list.rows.first());
  await edit.hover();
  const href = (await edit.getAttribute("href"))!;
  // Next may ask for the page in more than one request; only this row's page is asked for.
  await expect.poll(() => [...new Set(editPrefetches)]).toEqual([href]);
});
