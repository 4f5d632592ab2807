import type { Locator, Page } from "@playwright/test";

/** Accessible names of the list page (DESIGN.md), per language. */
export const listNames = {
  en: {
    heading: "Webhooks",
    account: "Account",
    search: "Search webhooks",
    newWebhook: "New webhook",
    previous: "Previous page",
    next: "Next page",
    ping: "Send test ping",
    edit: "Edit",
    delete: "Delete",
    cancel: "Cancel",
    loadMoreAccounts: "Load more accounts",
    tryAgain: "Try again",
    clearSearch: "Clear search",
    copyUrl: "Copy URL",
    copyId: "Copy id",
    moreActions: "More actions",
  },
  es: {
    heading: "Webhooks",
    account: "Cuenta",
    search: "Buscar webhooks",
    newWebhook: "Nuevo webhook",
    previous: "Página anterior",
    next: "Página siguiente",
    ping: "Enviar ping de prueba",
    edit: "Editar",
    delete: "Eliminar",
    cancel: "Cancelar",
    loadMoreAccounts: "Cargar más cuentas",
    tryAgain: "Reintentar",
    clearSearch: "Borrar búsqueda",
    copyUrl: "Copiar URL",
    copyId: "Copiar id",
    moreActions: "Más acciones",
  },
} as const;

type AllListNames = Record<keyof (typeof listNames)["en"], string>;
type ListNames = Pick<
  AllListNames,
  "heading" | "account" | "search" | "newWebhook" | "previous" | "next"
> &
  Partial<AllListNames>;

/** The list page, found by role and accessible name as DESIGN.md names them. */
export class WebhooksListPage {
  readonly heading: Locator;
  readonly accountSwitcher: Locator;
  /** The switcher's open list of accounts. */
  readonly accountOptions: Locator;
  readonly search: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly newWebhook: Locator;
  readonly previousPage: Locator;
  readonly nextPage: Locator;
  readonly names: AllListNames;

  constructor(
    readonly page: Page,
    names: ListNames = listNames.en,
  ) {
    this.names = { ...listNames.en, ...names };
    this.heading = page.getByRole("heading", { name: names.heading, level: 1 });
    this.accountSwitcher = page.getByRole("combobox", { name: names.account });
    this.accountOptions = page.getByRole("listbox", { name: names.account }).getByRole("option");
    this.search = page.getByRole("searchbox", { name: names.search });
    this.table = page.getByRole("table");
    this.rows = this.table.getByRole("row").filter({ has: page.getByRole("cell") });
    // The header's link; an empty list repeats it as its call to action.
    this.newWebhook = page.getByRole("link", { name: names.newWebhook }).first();
    this.previousPage = page.getByRole("button", { name: names.previous });
    this.nextPage = page.getByRole("button", { name: names.next });
  }

  async goto(provider: string, account: string, query = "") {
    await this.page.goto(`/${provider}/${account}/webhooks${query}`);
  }

  row(urlText: string | RegExp): Locator {
    return this.rows.filter({ hasText: urlText });
  }

  pingButton(row: Locator): Locator {
    return row.getByRole("button", { name: this.names.ping });
  }

  editLink(row: Locator): Locator {
    return row.getByRole("link", { name: this.names.edit, exact: true });
  }

  deleteButton(row: Locator): Locator {
    return row.getByRole("button", { name: this.names.delete, exact: true });
  }

  /** Opens the row's "More actions" menu and returns its item of that name. */
  async menuItem(row: Locator, name: string): Promise<Locator> {
    await row.getByRole("button", { name: this.names.moreActions }).click();
    return this.page.getByRole("menu").getByRole("menuitem", { name });
  }

  accountOption(name: string | RegExp): Locator {
    return this.accountOptions.filter({ hasText: name });
  }
}
