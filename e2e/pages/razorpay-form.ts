import type { Locator, Page } from "@playwright/test";
import { formNames, WebhookFormPage } from "./webhook-form";

/** Razorpay's own fields of the form, per language. */
export const razorpayFormNames = {
  en: {
    ...formNames.en,
    alertEmail: "Alert email",
    secret: "Secret",
    replaceSecret: "Replace secret",
    active: "Active",
    disableTitle: "Disable this webhook?",
    disable: "Disable",
  },
  es: {
    ...formNames.es,
    alertEmail: "Correo de alertas",
    secret: "Secreto",
    replaceSecret: "Reemplazar secreto",
    active: "Activo",
    disableTitle: "¿Desactivar este webhook?",
    disable: "Desactivar",
  },
} as const;

/** The create/edit form for a Razorpay sub-merchant: the shared form plus email, secret and Active. */
export class RazorpayFormPage extends WebhookFormPage {
  readonly alertEmail: Locator;
  /** The write-only secret: "Secret" when none is set, "Replace secret" when one is. */
  readonly secret: Locator;
  readonly replaceSecret: Locator;
  readonly active: Locator;
  /** The confirmation the Active switch asks for before it disables the webhook. */
  readonly disableDialog: Locator;

  constructor(
    page: Page,
    readonly rzNames: (typeof razorpayFormNames)["en" | "es"] = razorpayFormNames.en,
  ) {
    super(page, rzNames);
    this.alertEmail = page.getByLabel(rzNames.alertEmail, { exact: true });
    this.secret = page.getByLabel(rzNames.secret, { exact: true });
    this.replaceSecret = page.getByLabel(rzNames.replaceSecret, { exact: true });
    this.active = page.getByRole("switch", { name: rzNames.active, exact: true });
    this.disableDialog = page.getByRole("alertdialog", { name: rzNames.disableTitle });
  }

  override async gotoNew(account: string) {
    await this.page.goto(`/razorpay/${account}/webhooks/new`);
  }

  override async gotoEdit(account: string, id: string) {
    await this.page.goto(`/razorpay/${account}/webhooks/${id}`);
  }
}
