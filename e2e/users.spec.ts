import { randomUUID } from "node:crypto";
import { request as playwrightRequest } from "@playwright/test";
import { authFile, consoleUrl, demoEmail } from "./fixtures/auth";
import { toasts } from "./fixtures/conekta";
import { expect, test } from "./fixtures/test";

// The users page (issue 7, section 3): an admin creates a user with a one-time password shown
// once, grants and revokes accounts through the searchable picker, changes roles and disables; the
// last admin stays; anyone else is told plainly that the page is for admins.

/** A fresh API client signed in as `email`, to see what that user's session may still do. */
async function sessionOf(email: string, password: string) {
  const context = await playwrightRequest.newContext({
    baseURL: consoleUrl(),
    extraHTTPHeaders: { origin: consoleUrl() },
  });
  const signedIn = await context.post("/api/auth/sign-in", { data: { email, password } });
  expect(signedIn.status(), await signedIn.text()).toBe(200);
  return context;
}

test.describe("the users page", () => {
  test.use({ storageState: authFile("admin") });

  test("creates a user whose one-time password signs in, grants accounts and then disables them", async ({
    page,
    checkA11y,
  }) => {
    const email = `e2e-${randomUUID().slice(0, 8)}@example.test`;
    await page.goto("/users");
    await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Users" })).toContainText(demoEmail("admin"));
    await checkA11y(page);

    await page.getByRole("button", { name: "New user" }).click();
    const dialog = page.getByRole("dialog", { name: "New user" });
    await dialog.getByLabel("Email").fill(email);
    await dialog.getByLabel("Name").fill("Erin Example");
    await dialog.getByRole("combobox", { name: "Role" }).selectOption("merchant");
    await dialog.getByRole("button", { name: "Create user" }).click();
    const passwordField = dialog.getByLabel("One-time password");
    await expect(passwordField).toHaveValue(/^[A-Za-z0-9_-]{20}$/);
    const password = await passwordField.inputValue();
    await expect(dialog).toContainText("It will not be shown again");
    await expect(dialog.getByRole("button", { name: "Copy password" })).toBeVisible();
    await checkA11y(page, '[role="dialog"]');

    await dialog.getByRole("link", { name: "Grant accounts" }).click();
    await expect(page.getByRole("heading", { name: "Edit user" })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Role" })).toHaveValue("merchant");
    const picker = page.getByRole("combobox", { name: "Accounts" });
    await picker.fill("Farmacia");
    await page.getByRole("option", { name: /Farmacia Roma/ }).click();
    await picker.fill("Aurora");
    await page.getByRole("option", { name: /Tienda Aurora/ }).click();
    const granted = page.getByRole("list", { name: "Granted accounts" });
    await expect(granted.getByRole("listitem")).toHaveCount(2);
    await checkA11y(page);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(toasts(page).getByText(`Saved ${email}.`)).toBeVisible();

    const user = await sessionOf(email, password);
    const me = (await (await user.get("/api/me")).json()) as { accounts: { name: string }[] };
    expect(me.accounts.map((a) => a.name).sort()).toEqual(["Farmacia Roma", "Tienda Aurora"]);

    await page.reload();
    await page.getByRole("button", { name: "Remove Farmacia Roma" }).click();
    await page.getByRole("switch", { name: "Disabled" }).click();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(toasts(page).getByText(`Saved ${email}.`)).toBeVisible();
    expect((await user.get("/api/me")).status()).toBe(401);
    await user.dispose();

    await page.getByRole("link", { name: "Back to users" }).click();
    await page.getByRole("searchbox", { name: "Search users" }).fill(email);
    await expect(page).toHaveURL(/q=e2e-/);
    const row = page.getByRole("row").filter({ hasText: email });
    await expect(page.getByRole("table", { name: "Users" }).getByRole("row")).toHaveCount(2);
    await expect(row).toContainText("Disabled");
    await expect(row).toContainText("Tienda Aurora");
    await expect(row).not.toContainText("Farmacia Roma");
    await expect(row.getByRole("link", { name: "Edit" })).toBeVisible();
  });

  test("shows a refused new user's error on its field and keeps what was typed", async ({
    page,
  }) => {
    await page.goto("/users");
    await page.getByRole("button", { name: "New user" }).click();
    const dialog = page.getByRole("dialog", { name: "New user" });
    await dialog.getByLabel("Email").fill(demoEmail("viewer"));
    await dialog.getByLabel("Name").fill("Someone Else");
    await dialog.getByRole("button", { name: "Create user" }).click();
    await expect(dialog.getByRole("alert")).toContainText(
      `A user with the email ${demoEmail("viewer")} already exists.`,
    );
    await expect(dialog.getByLabel("Name")).toHaveValue("Someone Else");
  });

  test("keeps the last admin an admin, saying why", async ({ page }) => {
    await page.goto("/users");
    await page.getByRole("searchbox", { name: "Search users" }).fill(demoEmail("admin"));
    // The search is in the URL once it has run.
    await expect(page).toHaveURL(/q=admin%40sandbox\.test/);
    const row = page.getByRole("row").filter({ hasText: demoEmail("admin") });
    await row.getByRole("link", { name: "Edit" }).click();
    await expect(page.getByRole("switch", { name: "Disabled" })).toBeDisabled();
    await page.getByRole("combobox", { name: "Role" }).selectOption("support");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(toasts(page).getByText(/is the last enabled admin/)).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Role" })).toHaveValue("support");
    await page.reload();
    await expect(page.getByRole("combobox", { name: "Role" })).toHaveValue("admin");
  });
});

test.describe("the users page in Spanish", () => {
  test.use({ storageState: authFile("admin"), language: "es" });

  test("speaks Spanish", async ({ page }) => {
    await page.goto("/users");
    await expect(page.getByRole("heading", { name: "Usuarios" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Nuevo usuario" })).toBeVisible();
    await expect(page.getByRole("searchbox", { name: "Buscar usuarios" })).toBeVisible();
  });
});

test.describe("the users page for support staff", () => {
  test("says plainly that it is for administrators", async ({ page }) => {
    await page.goto("/users");
    await expect(
      page.getByRole("alert").filter({ hasText: "Only administrators can manage users." }),
    ).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "New user" })).toHaveCount(0);
  });
});
