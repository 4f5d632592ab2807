import type { Locator, Page } from "@playwright/test";
import en from "@/lib/i18n/messages/en/form.json" with { type: "json" };
import es from "@/lib/i18n/messages/es/form.json" with { type: "json" };

/** A group's shown name: the picker names groups by catalogue id (`payout`) translated. */
const groupName = (messages: typeof en, id: string) =>
  (messages.form.eventGroups as Record<string, string>)[id] ?? id;

/** Accessible names of the create/edit form (DESIGN.md), per language. */
export const formNames = {
  en: {
    url: "URL",
    searchEvents: "Search events",
    selectAll: "Select all",
    selectNone: "Select none",
    group: (group: string) => `All events in ${groupName(en, group)}`,
    save: "Save",
    cancel: "Cancel",
    back: "Back to webhooks",
    delete: "Delete",
  },
  es: {
    url: "URL",
    searchEvents: "Buscar eventos",
    selectAll: "Seleccionar todos",
    selectNone: "No seleccionar ninguno",
    group: (group: string) => `Todos los eventos de ${groupName(es, group)}`,
    save: "Guardar",
    cancel: "Cancelar",
    back: "Volver a los webhooks",
    delete: "Eliminar",
  },
} as const;

type FormNames = {
  [K in keyof (typeof formNames)["en"]]: (typeof formNames)["en"][K] extends string
    ? string
    : (group: string) => string;
};

/** The create and edit form, with its events picker, found by role and accessible name. */
export class WebhookFormPage {
  readonly url: Locator;
  readonly searchEvents: Locator;
  readonly selectAll: Locator;
  readonly selectNone: Locator;
  /** The picker's live count, e.g. "3 events selected of 67". */
  readonly selectedCount: Locator;
  readonly save: Locator;
  readonly cancel: Locator;
  readonly back: Locator;
  readonly delete: Locator;

  constructor(
    readonly page: Page,
    readonly names: FormNames = formNames.en,
  ) {
    this.url = page.getByRole("textbox", { name: names.url, exact: true });
    this.searchEvents = page.getByRole("searchbox", { name: names.searchEvents });
    this.selectAll = page.getByRole("button", { name: names.selectAll, exact: true });
    this.selectNone = page.getByRole("button", { name: names.selectNone, exact: true });
    this.selectedCount = page.getByRole("status").filter({ hasText: / of \d+$| de \d+$/ });
    this.save = page.getByRole("button", { name: names.save, exact: true });
    this.cancel = page.getByRole("link", { name: names.cancel, exact: true });
    this.back = page.getByRole("link", { name: names.back });
    this.delete = page.getByRole("button", { name: names.delete, exact: true });
  }

  async gotoNew(account: string) {
    await this.page.goto(`/conekta/${account}/webhooks/new`);
  }

  async gotoEdit(account: string, id: string) {
    await this.page.goto(`/conekta/${account}/webhooks/${id}`);
  }

  /** An event's checkbox, labelled with the event's name. */
  event(name: string): Locator {
    return this.page.getByRole("checkbox", { name, exact: true });
  }

  /** A group's checkbox by catalogue id ("charge" is "All events in Charges"): checked, unchecked or mixed. */
  group(group: string): Locator {
    return this.page.getByRole("checkbox", { name: this.names.group(group), exact: true });
  }

  async chooseEvents(...names: string[]) {
    for (const name of names) await this.event(name).check();
  }
}
