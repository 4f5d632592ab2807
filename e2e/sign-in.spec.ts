import { demoEmail } from "./fixtures/auth";
import { expect, seed, test } from "./fixtures/test";

test.describe("signing in", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a page without a session goes to Sign in, and comes back after it", async ({ page }) => {
    await page.goto(`/conekta/${seed.conekta.otherChild}/webhooks`);
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    // On the sandbox the demo users are listed under the banner.
    for (const role of ["admin", "support", "merchant", "viewer"] as const)
      await expect(page.getByText(demoEmail(role))).toBeVisible();

    await page.getByLabel("Email").fill(demoEmail("merchant"));
    await page.getByLabel("Password").fill("sandbox-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/conekta/${seed.conekta.otherChild}/webhooks$`));
    await expect(page.getByRole("heading", { name: "Webhooks" })).toBeVisible();

    await page.getByRole("button", { name: demoEmail("merchant") }).click();
    await expect(page.getByText("Merchant", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test("a wrong password is refused in a message, and what was typed stays", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(demoEmail("viewer"));
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "The email or password is not right." }),
    ).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue(demoEmail("viewer"));
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test("the API answers 401 in the envelope without a session", async ({ request }) => {
    const response = await request.get(`/api/razorpay/${seed.razorpay.aurora}/webhooks`);
    expect(response.status()).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      "unauthorized",
    );
  });

  test.describe("in Spanish", () => {
    test.use({ language: "es" });
    test("the sign-in page speaks Spanish", async ({ page }) => {
      await page.goto("/sign-in");
      await expect(page.getByRole("heading", { name: "Iniciar sesión" })).toBeVisible();
      await expect(page.getByLabel("Correo")).toBeVisible();
      await expect(page.getByLabel("Contraseña")).toBeVisible();
    });
  });
});
