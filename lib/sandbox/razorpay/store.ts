import { randomInt } from "node:crypto";
import type { RazorpayFeature } from "./events";
import type { ListQuery, WebhookCreateInput, WebhookUpdateInput } from "./requests";
import type { RazorpayWebhook } from "./schemas";

/** Razorpay's cap on webhooks per sub-merchant account (PROVIDERS.md). */
export const MAX_WEBHOOKS_PER_ACCOUNT = 30;

export interface StoredAccount {
  /** With the `acc_` prefix, as the path carries it. */
  id: string;
  name: string;
  features: readonly RazorpayFeature[];
}

export interface StoredWebhook {
  id: string;
  accountId: string;
  createdAt: number;
  updatedAt: number;
  disabledAt: number;
  url: string;
  alertEmail: string;
  /** Write-only: kept to sign and verify deliveries, never put in a reply. */
  secret: string | undefined;
  active: boolean;
  events: string[];
}

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** The emulator's state: sub-merchant accounts and their webhooks, in memory. */
export class RazorpayStore {
  private readonly accounts = new Map<string, StoredAccount>();
  // Insertion order doubles as the tie-break for webhooks created in the same second.
  private readonly webhooks: StoredWebhook[] = [];

  constructor(
    private readonly now: () => Date,
    /** Razorpay's `service` field: which of its deployments owns the webhook. */
    private readonly service: string,
  ) {}

  addAccount(account: StoredAccount): void {
    this.accounts.set(account.id, account);
  }

  getAccount(id: string): StoredAccount | undefined {
    return this.accounts.get(id);
  }

  /** Puts a webhook in as it is, for seeding. */
  insert(webhook: StoredWebhook): void {
    this.webhooks.push(webhook);
  }

  countWebhooks(accountId: string): number {
    return this.webhooks.filter((w) => w.accountId === accountId).length;
  }

  create(accountId: string, input: WebhookCreateInput): StoredWebhook {
    const at = this.nowSeconds();
    const webhook: StoredWebhook = {
      id: this.newId(),
      accountId,
      createdAt: at,
      updatedAt: at,
      disabledAt: 0,
      url: input.url,
      alertEmail: input.alert_email ?? "",
      secret: input.secret || undefined,
      active: true,
      events: input.events,
    };
    this.webhooks.push(webhook);
    return webhook;
  }

  /** Newest first; `from`/`to` bound `created_at`, both inclusive. */
  list(accountId: string, query: ListQuery): StoredWebhook[] {
    return this.webhooks
      .map((webhook, index) => ({ webhook, index }))
      .filter(({ webhook }) => webhook.accountId === accountId)
      .filter(({ webhook }) => query.from === undefined || webhook.createdAt >= query.from)
      .filter(({ webhook }) => query.to === undefined || webhook.createdAt <= query.to)
      .sort((a, b) => b.webhook.createdAt - a.webhook.createdAt || b.index - a.index)
      .slice(query.skip, query.skip + query.count)
      .map(({ webhook }) => webhook);
  }

  /** A webhook of another account does not exist for this one. */
  get(accountId: string, id: string): StoredWebhook | undefined {
    return this.webhooks.find((w) => w.id === id && w.accountId === accountId);
  }

  update(webhook: StoredWebhook, input: WebhookUpdateInput): StoredWebhook {
    const at = this.nowSeconds();
    webhook.url = input.url;
    webhook.events = input.events;
    if (input.alert_email !== undefined) webhook.alertEmail = input.alert_email;
    // An empty secret removes it, as an empty secret on create means none.
    if (input.secret !== undefined) webhook.secret = input.secret || undefined;
    if (input.active !== undefined && input.active !== webhook.active) {
      webhook.active = input.active;
      // `disabled_at` says since when a webhook is off; switching it back on clears it.
      webhook.disabledAt = input.active ? 0 : at;
    }
    webhook.updatedAt = at;
    return webhook;
  }

  delete(webhook: StoredWebhook): void {
    const index = this.webhooks.indexOf(webhook);
    if (index !== -1) this.webhooks.splice(index, 1);
  }

  /** Every webhook, whatever its account: deliveries are matched to webhooks by URL alone. */
  all(): readonly StoredWebhook[] {
    return this.webhooks;
  }

  toReply(webhook: StoredWebhook): RazorpayWebhook {
    return {
      id: webhook.id,
      created_at: webhook.createdAt,
      updated_at: webhook.updatedAt,
      service: this.service,
      owner_id: webhook.accountId.replace(/^acc_/, ""),
      owner_type: "merchant",
      context: [],
      disabled_at: webhook.disabledAt,
      url: webhook.url,
      alert_email: webhook.alertEmail,
      secret_exists: webhook.secret !== undefined,
      entity: "webhook",
      active: webhook.active,
      events: [...webhook.events],
    };
  }

  nowSeconds(): number {
    return Math.floor(this.now().getTime() / 1000);
  }

  private newId(): string {
    for (;;) {
      const id = Array.from({ length: 14 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join(
        "",
      );
      if (!this.webhooks.some((w) => w.id === id)) return id;
    }
  }
}
