import type { Browser } from "@playwright/test";
import { authFile, consoleUrl, demoEmail } from "./fixtures/auth";
import { expect, test } from "./fixtures/test";

/**
 * A server-rendered page is on screen before its code: until React has taken it over, a press on
 * a button does nothing. These pages are opened with JavaScript off, which holds them in that
 * moment for as long as a test needs (the fixture's `page` waits for hydration; these do not).
 */
async function pageWithoutCode(browser: Browser, signedIn: boolean) {
  const context = await browser.newContext({
    baseURL: consoleUrl(),
    javaScriptEnabled: false,
    storageState: signedIn ? authFile("support") : { cookies: [], origins: [] },
  });
  return { page: await context.newPage(), close: () => context.close() };
}

test.describe("before the page's code is here", () => {
  test("the list's buttons say they are unavailable, and work once it is", async ({
    browser,
    page,
  }) => {
    const early = await pageWithoutCode(browser, true);
    try {
      await early.page.goto("/conekta/default/webhooks");
      const ping = early.page.getByRole("button", { name: "Send test ping" }).first();
      await expect(ping).toBeVisible();
      await expect(ping).toBeDisabled();
      await expect(early.page.getByRole("button", { name: demoEmail("support") })).toBeDisabled();
    } finally {
      await early.close();
    }

    await page.goto("/conekta/default/webhooks");
    await expect(page.getByRole("button", { name: "Send test ping" }).first()).toBeEnabled();
    await expect(page.getByRole("button", { name: demoEmail("support") })).toBeEnabled();
  });

  test("a sign-in sent then keeps the password out of the address", async ({ browser }) => {
    const early = await pageWithoutCode(browser, false);
    try {
      await early.page.goto("/sign-in?next=%2Fconekta%2Fdefault%2Fwebhooks");
      await expect(early.page.getByRole("button", { name: "Sign in", exact: true })).toBeDisabled();
      await early.page.getByLabel("Email").fill(demoEmail("viewer"));
      await early.page.getByLabel("Password").fill("typed-before-the-code");
      const sent = early.page.waitForRequest(
        (request) =>
          request.isNavigationRequest() && new URL(request.url()).pathname === "/sign-in",
      );
      await early.page.getByLabel("Password").press("Enter");
      // The browser posts the form itself, to the page, which only renders again.
      const request = await sent;
      expect(request.method()).toBe("POST");
      await expect(early.page.getByRole("heading", { name: "Sign in" })).toBeVisible();
      for (const address of [new URL(request.url()), new URL(early.page.url())])
        expect(address.search).toBe("?next=%2Fconekta%2Fdefault%2Fwebhooks");
    } finally {
      await early.close();
    }
  });
});
