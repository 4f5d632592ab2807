import type { Page } from "@playwright/test";
import { authFile, demoEmail } from "./fixtures/auth";
import { conekta } from "./fixtures/conekta";
import { razorpay, toasts } from "./fixtures/razorpay";
import { expect, test } from "./fixtures/test";
import { RazorpayFormPage, razorpayFormNames } from "./pages/razorpay-form";
import { formNames, WebhookFormPage } from "./pages/webhook-form";
import { listNames, WebhooksListPage } from "./pages/webhooks-list";

// Dark mode (issue 10, item 5): the console follows the system's colour scheme, the user menu
// switches between System, Light and Dark (a cookie keeps the choice), and both themes pass axe,
// colour contrast included, in both languages. These tests only read: they open dialogs and forms
// but never save, so the lists other tests count stay as they are.

const themeNames = {
  en: { theme: "Theme", system: "System", light: "Light", dark: "Dark" },
  es: { theme: "Tema", system: "Sistema", light: "Claro", dark: "Oscuro" },
} as const;

/**
 * The relative luminance (0 black to 1 white) of the page's background. A canvas turns whatever
 * colour syntax the computed style uses (oklch here) into sRGB.
 */
function backgroundLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const context = canvas.getContext("2d", { willReadFrequently: true })!;
    context.fillStyle = getComputedStyle(document.body).backgroundColor;
    context.fillRect(0, 0, 1, 1);
    const [r = 0, g = 0, b = 0] = Array.from(context.getImageData(0, 0, 1, 1).data, (v) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  });
}

async function expectDark(page: Page) {
  await expect.poll(() => backgroundLuminance(page)).toBeLessThan(0.05);
}

async function expectLight(page: Page) {
  await expect.poll(() => backgroundLuminance(page)).toBeGreaterThan(0.8);
}

/** Opens the user menu (a button named after the signed-in email) and picks a theme in it. */
async function chooseTheme(page: Page, email: string, name: string) {
  const menuButton = page.getByRole("button", { name: email });
  if ((await menuButton.getAttribute("aria-expanded")) !== "true") await menuButton.click();
  await page.getByRole("radio", { name, exact: true }).check();
}

for (const language of ["en", "es"] as const) {
  test.describe(`dark system (${language})`, () => {
    test.use({ language, colorScheme: "dark" });

    test("the list, a toast, the user menu and the delete dialog are dark and pass axe", async ({
      page,
      checkA11y,
    }) => {
      const list = new WebhooksListPage(page, listNames[language]);
      await list.goto("conekta", conekta.holding);
      await expect(list.rows).toHaveCount(7);
      await expectDark(page);
      await checkA11y(page);

      // Copying a URL shows a toast without changing anything; it follows the theme too.
      await list.rows.first().getByRole("button", { name: listNames[language].copyUrl }).click();
      await expect(toasts(page).getByRole("listitem")).toHaveCount(1);
      await expect(page.locator("[data-sonner-toaster]")).toHaveAttribute(
        "data-sonner-theme",
        "dark",
      );
      await checkA11y(page);

      await page.getByRole("button", { name: demoEmail("support") }).click();
      const themeGroup = page.getByRole("group", { name: themeNames[language].theme });
      await expect(
        themeGroup.getByRole("radio", { name: themeNames[language].system }),
      ).toBeChecked();
      await checkA11y(page);
      await page.keyboard.press("Escape");

      await list.deleteButton(list.rows.first()).click();
      await expect(page.getByRole("alertdialog")).toBeVisible();
      await checkA11y(page);
      await page.keyboard.press("Escape");
      await expect(page.getByRole("alertdialog")).toBeHidden();
    });

    test("the new form with its errors and the edit form are dark and pass axe", async ({
      page,
      checkA11y,
    }) => {
      const form = new WebhookFormPage(page, formNames[language]);
      await form.gotoNew(conekta.emptyChild);
      await expect(form.url).toBeVisible();
      await expectDark(page);
      await checkA11y(page);
      await form.save.click();
      await expect(form.url).toHaveAttribute("aria-invalid", "true");
      await checkA11y(page);

      const edit = new RazorpayFormPage(page, razorpayFormNames[language]);
      await edit.gotoEdit(razorpay.aurora, razorpay.webhooks.payments.id);
      await expect(edit.active).toBeChecked();
      await expectDark(page);
      await checkA11y(page);
    });

    test.describe("as an admin", () => {
      test.use({ storageState: authFile("admin") });

      test("the audit log and the users page are dark and pass axe", async ({
        page,
        checkA11y,
      }) => {
        await page.goto("/audit");
        await expect(page.getByRole("table")).toBeVisible();
        await expectDark(page);
        await checkA11y(page);

        await page.goto("/users");
        await expect(page.getByRole("table")).toContainText(demoEmail("admin"));
        await expectDark(page);
        await checkA11y(page);
      });
    });

    test.describe("signed out", () => {
      test.use({ storageState: { cookies: [], origins: [] } });

      test("the sign-in page is dark and passes axe", async ({ page, checkA11y }) => {
        await page.goto("/sign-in");
        await expect(page.getByLabel(language === "es" ? "Contraseña" : "Password")).toBeVisible();
        await expectDark(page);
        await checkA11y(page);
      });
    });
  });
}

test.describe("the theme switch in the user menu", () => {
  test.describe("under a dark system", () => {
    test.use({ colorScheme: "dark" });

    test("Light makes the page light at once, a reload keeps it, and System follows the system again", async ({
      page,
      context,
    }) => {
      const list = new WebhooksListPage(page);
      await list.goto("conekta", conekta.holding);
      await expectDark(page);

      await chooseTheme(page, demoEmail("support"), "Light");
      await expectLight(page);
      await expect(page.getByRole("radio", { name: "Light" })).toBeChecked();
      expect((await context.cookies()).find((c) => c.name === "console-theme")?.value).toBe(
        "light",
      );

      await page.reload();
      await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
      await expectLight(page);

      await chooseTheme(page, demoEmail("support"), "System");
      await expectDark(page);
    });
  });

  test.describe("under a light system, in Spanish", () => {
    test.use({ colorScheme: "light", language: "es" });

    test("Oscuro makes the page dark at once, and a reload keeps it", async ({
      page,
      checkA11y,
    }) => {
      const list = new WebhooksListPage(page, listNames.es);
      await list.goto("conekta", conekta.holding);
      await expect(list.rows).toHaveCount(7);
      await expectLight(page);
      await checkA11y(page);

      await chooseTheme(page, demoEmail("support"), themeNames.es.dark);
      await expectDark(page);

      await page.reload();
      await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
      await expectDark(page);
      await expect(list.rows).toHaveCount(7);
      await checkA11y(page);
    });
  });
});
