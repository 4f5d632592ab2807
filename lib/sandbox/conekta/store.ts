import type { CompanyRecord, EventRecord, WebhookKeyRecord, WebhookRecord } from "./resources";

/** Conekta allows 10 webhooks per environment; the sandbox is one (test) environment per company. */
export const WEBHOOK_LIMIT = 10;

/**
 * The emulator's state: one holding company, its child companies, and per company its webhooks,
 * events and webhook keys. Lists come back newest first, which is id order (ids embed their time).
 */
export class ConektaStore {
  private readonly companies = new Map<string, CompanyRecord>();
  private readonly webhooks = new Map<string, WebhookRecord>();
  private readonly events = new Map<string, EventRecord>();
  private readonly webhookKeys: WebhookKeyRecord[] = [];

  constructor(readonly parent: CompanyRecord) {
    this.companies.set(parent.id, parent);
  }

  addCompany(company: CompanyRecord): void {
    this.companies.set(company.id, company);
  }

  /** A child company of the holding; the holding itself is not a child. */
  childCompany(id: string): CompanyRecord | undefined {
    const company = this.companies.get(id);
    return company?.parentCompanyId === this.parent.id ? company : undefined;
  }

  /** The holding or one of its children. */
  company(id: string): CompanyRecord | undefined {
    return this.companies.get(id);
  }

  /** The children of `companyId` (a child company has none). */
  childrenOf(companyId: string): CompanyRecord[] {
    return newestFirst([...this.companies.values()].filter((c) => c.parentCompanyId === companyId));
  }

  webhooksOf(companyId: string): WebhookRecord[] {
    return newestFirst([...this.webhooks.values()].filter((w) => w.companyId === companyId));
  }

  webhook(companyId: string, id: string): WebhookRecord | undefined {
    const webhook = this.webhooks.get(id);
    // Another company's webhook does not exist for this one.
    return webhook?.companyId === companyId ? webhook : undefined;
  }

  addWebhook(webhook: WebhookRecord): void {
    this.webhooks.set(webhook.id, webhook);
  }

  removeWebhook(id: string): void {
    this.webhooks.delete(id);
  }

  eventsOf(companyId: string): EventRecord[] {
    return newestFirst([...this.events.values()].filter((e) => e.companyId === companyId));
  }

  event(companyId: string, id: string): EventRecord | undefined {
    const event = this.events.get(id);
    return event?.companyId === companyId ? event : undefined;
  }

  addEvent(event: EventRecord): void {
    this.events.set(event.id, event);
  }

  addWebhookKey(key: WebhookKeyRecord): void {
    this.webhookKeys.push(key);
  }
}

function newestFirst<T extends { id: string }>(items: T[]): T[] {
  return items.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}
