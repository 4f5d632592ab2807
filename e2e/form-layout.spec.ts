import { CONEKTA_SEED } from "@/lib/sandbox/conekta/seed";
import { conekta } from "./fixtures/conekta";
import { expect, seed, test } from "./fixtures/test";

// Issue 10, item 3: the document ends with the page's content. The events picker's hidden native checkboxes
// are positioned absolutely; outside a positioned box they once stretched the page to 1,483 px
// under an 824 px form at 1280 px wide (2,239 under 960 at 390).

/** Room below the form for the page's own padding. */
const MARGIN = 64;

const pages = [
  ["Conekta's new-webhook form", `/conekta/${conekta.emptyChild}/webhooks/new`],
  ["Conekta's edit form", `/conekta/default/webhooks/${CONEKTA_SEED.webhooks.parentOk}`],
  ["Razorpay's new-webhook form", `/razorpay/${seed.razorpay.empty}/webhooks/new`],
] as const;

for (const width of [1280, 390]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    for (const [what, path] of pages) {
      test(`${what} does not scroll past its end`, async ({ page }) => {
        await page.goto(path);
        const main = page.getByRole("main");
        await expect(main.locator("form").getByRole("checkbox").first()).toBeVisible();
        // The page's content (the form, and on an edit page its history below) ends the document.
        const { documentHeight, contentBottom } = await main.evaluate((element) => ({
          documentHeight: document.documentElement.scrollHeight,
          contentBottom: element.getBoundingClientRect().bottom + window.scrollY,
        }));
        expect(documentHeight).toBeLessThanOrEqual(Math.ceil(contentBottom) + MARGIN);
      });
    }
  });
}

// Issue 11, item 4: every checkbox is a target of at least 24 × 24 px (WCAG 2.2, 2.5.8).
test("the events picker's checkboxes are at least 24 px targets", async ({ page }) => {
  await page.goto(`/conekta/${conekta.emptyChild}/webhooks/new`);
  const boxes = page.getByRole("main").getByRole("checkbox");
  await expect(boxes.first()).toBeVisible();
  const sizes = await boxes.evaluateAll((elements) =>
    elements.map((e) => {
      const { width, height } = e.getBoundingClientRect();
      return { name: e.getAttribute("aria-label") ?? e.id, width, height };
    }),
  );
  expect(sizes.length).toBeGreaterThan(60);
  expect(sizes.filter((s) => s.width < 24 || s.height < 24)).toEqual([]);
});

// Issue 10, item 5: on a phone nothing scrolls sideways (the header once pushed pages to 559 px).
test.describe("at 390 px, in Spanish (the longest words)", () => {
  test.use({ viewport: { width: 390, height: 800 }, language: "es" });

  for (const path of [
    `/conekta/default/webhooks`,
    `/conekta/${conekta.emptyChild}/webhooks/new`,
    `/razorpay/${seed.razorpay.aurora}/webhooks`,
  ]) {
    test(`${path} does not scroll sideways`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
    });
  }
});

test.describe("at 390 px, the banner and the brand", () => {
  test.use({ viewport: { width: 390, height: 800 }, language: "es" });

  test("take one line each, and the banner still says everything to a screen reader", async ({
    page,
  }) => {
    await page.goto(`/conekta/${conekta.otherChild}/webhooks`);
    const banner = page.getByRole("status").filter({ hasText: "Sandbox" });
    const brand = page.getByRole("link", { name: "Consola de webhooks" });
    const lineHeight = 20; // text-sm
    for (const element of [banner, brand]) {
      const box = await element.boundingBox();
      // One line of text plus the banner's padding (py-2).
      expect(box?.height).toBeLessThanOrEqual(lineHeight * 1.5 + 16);
    }
    await expect(banner).toContainText("Nada llega a Conekta ni a Razorpay");
  });
});
