import { CONEKTA_SEED } from "@/lib/sandbox/conekta/seed";
import {
  SANDBOX_CONEKTA_API_KEY,
  SANDBOX_RAZORPAY_KEY_ID,
  SANDBOX_RAZORPAY_KEY_SECRET,
} from "@/lib/sandbox/defaults";
import { expect, test } from "./fixtures/test";

test.describe("home page", () => {
  test("shows the sandbox banner and each provider's accounts from the console API", async ({
    page,
  }) => {
    const apiCalls: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/api/")) apiCalls.push(new URL(request.url()).pathname);
    });
    await page.goto("/accounts");

    await expect(page.getByRole("status").filter({ hasText: "Sandbox" })).toContainText(
      "simulated",
    );
    const conekta = page.getByRole("region", { name: "Conekta" });
    await expect(conekta.getByRole("list", { name: "Conekta accounts" })).toContainText(
      CONEKTA_SEED.parentCompanyName,
    );
    const razorpay = page.getByRole("region", { name: "Razorpay" });
    await expect(razorpay.getByRole("list", { name: "Razorpay accounts" })).toContainText(
      "Tienda Aurora",
    );
    expect(apiCalls).toEqual(
      expect.arrayContaining(["/api/conekta/accounts", "/api/razorpay/accounts"]),
    );
  });

  test("never sends a provider key to the browser, in pages or API replies", async ({ page }) => {
    const keys = [SANDBOX_CONEKTA_API_KEY, SANDBOX_RAZORPAY_KEY_ID, SANDBOX_RAZORPAY_KEY_SECRET];
    const bodies: string[] = [];
    const reading: Promise<unknown>[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() === "image") return;
      bodies.push(response.url());
      reading.push(
        response.text().then(
          (text) => bodies.push(text),
          () => undefined,
        ),
      );
    });
    for (const path of [
      "/accounts",
      "/conekta/default/webhooks",
      "/razorpay/acc_Ha6Vb2QzPQ9x1K/webhooks",
    ]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await page.waitForLoadState("networkidle");
      bodies.push(await page.content());
    }
    // The API's own replies too, whether or not the pages above asked for them once hydrated.
    for (const path of [
      "/api/conekta/accounts",
      "/api/conekta/default/webhooks",
      "/api/razorpay/accounts",
      "/api/razorpay/acc_Ha6Vb2QzPQ9x1K/webhooks",
    ]) {
      const reply = await page.request.get(path);
      expect(reply.status()).toBe(200);
      bodies.push(await reply.text());
    }
    await Promise.all(reading);
    // The API replies were read (so the check below looked at them)...
    expect(bodies.some((body) => body.includes('"provider":"conekta"'))).toBe(true);
    // ...and none of them, nor any page, holds a key.
    for (const key of keys) expect(bodies.filter((body) => body.includes(key))).toEqual([]);
  });

  test("pages through Conekta's child companies", async ({ page }) => {
    await page.goto("/accounts");
    const conekta = page.getByRole("region", { name: "Conekta" });
    const list = conekta.getByRole("list", { name: "Conekta accounts" });
    await expect(list).toContainText(CONEKTA_SEED.parentCompanyName);
    const firstPage = await list.innerText();

    await conekta.getByRole("button", { name: "Next page" }).click();
    await expect(list).not.toContainText(CONEKTA_SEED.parentCompanyName);
    expect(await list.innerText()).not.toEqual(firstPage);

    await conekta.getByRole("button", { name: "Previous page" }).click();
    await expect(list).toContainText(CONEKTA_SEED.parentCompanyName);
  });

  test.describe("in Spanish", () => {
    test.use({ language: "es" });

    test("follows the browser's language and remembers a switch to English", async ({ page }) => {
      await page.goto("/accounts");
      await expect(page.getByRole("heading", { name: "Todas las cuentas" })).toBeVisible();
      await expect(page.getByRole("status").filter({ hasText: "Sandbox" })).toContainText(
        "simula el emulador",
      );

      await page.getByLabel("Idioma").selectOption("en");
      await expect(page.getByRole("heading", { name: "All accounts" })).toBeVisible();
      await page.reload();
      await expect(page.getByRole("heading", { name: "All accounts" })).toBeVisible();
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
    });
  });
});
