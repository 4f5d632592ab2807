import type { Locator, Page } from "@playwright/test";

/** The list page, found by role and accessible name as DESIGN.md names them. */
export class WebhooksListPage {
  readonly heading: Locator;
  readonly accountSwitcher: Locator;
  readonly search: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly newWebhook: Locator;
  readonly previousPage: Locator;
  readonly nextPage: Locator;

  constructor(
    readonly page: Page,
    names: {
      heading: string;
      account: string;
      search: string;
      newWebhook: string;
      previous: string;
      next: string;
    } = {
      heading: "Webhooks",
      account: "Account",
      search: "Search webhooks",
      newWebhook: "New webhook",
      previous: "Previous page",
      next: "Next page",
    },
  ) {
    this.heading = page.getByRole("heading", { name: names.heading, level: 1 });
    this.accountSwitcher = page.getByRole("combobox", { name: names.account });
    this.search = page.getByRole("searchbox", { name: names.search });
    this.table = page.getByRole("table");
    this.rows = this.table.getByRole("row").filter({ has: page.getByRole("cell") });
    this.newWebhook = page.getByRole("link", { name: names.newWebhook });
    this.previousPage = page.getByRole("button", { name: names.previous });
    this.nextPage = page.getByRole("button", { name: names.next });
  }

  async goto(provider: string, account: string, query = "") {
    await this.page.goto(`/${provider}/${account}/webhooks${query}`);
  }

  row(urlText: string | RegExp): Locator {
    return this.rows.filter({ hasText: urlText });
  }
}
