import { expect, test } from "./fixtures/test";

test.describe("home page", () => {
  test("shows the sandbox banner and each provider's accounts from the console API", async ({
    page,
  }) => {
    const apiCalls: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/api/")) apiCalls.push(new URL(request.url()).pathname);
    });
    await page.goto("/");

    await expect(page.getByRole("status").filter({ hasText: "Sandbox" })).toContainText(
      "simulated",
    );
    const conekta = page.getByRole("region", { name: "Conekta" });
    await expect(conekta.getByRole("list", { name: "Conekta accounts" })).toContainText(
      "Holding company",
    );
    const razorpay = page.getByRole("region", { name: "Razorpay" });
    await expect(razorpay.getByRole("list", { name: "Razorpay accounts" })).toContainText(
      "Tienda Aurora",
    );
    expect(apiCalls).toEqual(
      expect.arrayContaining(["/api/conekta/accounts", "/api/razorpay/accounts"]),
    );
  });

  test("pages through Conekta's child companies", async ({ page }) => {
    await page.goto("/");
    const conekta = page.getByRole("region", { name: "Conekta" });
    const list = conekta.getByRole("list", { name: "Conekta accounts" });
    await expect(list).toContainText("Holding company");
    const firstPage = await list.innerText();

    await conekta.getByRole("button", { name: "Next page" }).click();
    await expect(list).not.toContainText("Holding company");
    expect(await list.innerText()).not.toEqual(firstPage);

    await conekta.getByRole("button", { name: "Previous page" }).click();
    await expect(list).toContainText("Holding company");
  });

  test.describe("in Spanish", () => {
    test.use({ language: "es" });

    test("follows the browser's language and remembers a switch to English", async ({ page }) => {
      await page.goto("/");
      await expect(page.getByRole("heading", { name: "Proveedores" })).toBeVisible();
      await expect(page.getByRole("status").filter({ hasText: "Sandbox" })).toContainText(
        "simula el emulador",
      );

      await page.getByLabel("Idioma").selectOption("en");
      await expect(page.getByRole("heading", { name: "Providers" })).toBeVisible();
      await page.reload();
      await expect(page.getByRole("heading", { name: "Providers" })).toBeVisible();
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
    });
  });
});
