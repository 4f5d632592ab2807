import type { Language } from "@/lib/http/language";
import type {
  Account,
  AccountPage,
  PingReport,
  ProviderId,
  Webhook,
  WebhookPage,
} from "@/lib/webhooks/model";
import type { CreateWebhookInput, EventGroup, UpdateWebhookInput } from "@/lib/webhooks/schemas";

export interface CallOptions {
  language: Language;
}

export interface ListAccountsInput extends CallOptions {
  q?: string;
  cursor?: string;
}

/** Where a webhook call goes: the account (`default`, a child company, a sub-merchant) and the language. */
export interface AccountScope extends CallOptions {
  account: string;
}

export interface ListWebhooksInput extends AccountScope {
  q?: string;
  limit: number;
  cursor?: string;
  /** Created at or after / before, unix seconds (Razorpay only). */
  from?: number;
  to?: number;
  /**
   * Also say how many webhooks the account has (`total`): counted alongside the page, or taken from
   * the page's own read when that read was the account's whole list (Razorpay's search).
   */
  withTotal?: boolean;
}

/** A page of webhooks; `total` is the account's count when the caller asked `withTotal`. */
export interface ListedWebhooks extends WebhookPage {
  total?: number;
}

export interface PingInput extends AccountScope {
  id: string;
  /** The webhook's secret, to sign a console-sent ping; never stored. */
  secret?: string;
}

/**
 * One provider behind the console. Each lives in its own folder under lib/providers and converts
 * the provider's raw types to the console's model at this border; nothing above it sees them.
 */
export interface ProviderAdapter {
  id: ProviderId;
  displayName: string;
  /** How many webhooks the provider allows per account. */
  webhookLimit: number;
  listAccounts(input: ListAccountsInput): Promise<AccountPage>;
  /** Throws AppError (403/404) when the console may not open this account. */
  assertAccount(scope: AccountScope): Promise<void>;
  /**
   * One account with its name, looked up at the provider (for an account grant). Throws AppError
   * 404 when the provider has no such account, 403 when the console may not open it.
   */
  getAccount(scope: AccountScope): Promise<Account>;
  eventCatalogue(): EventGroup[];
  listWebhooks(input: ListWebhooksInput): Promise<ListedWebhooks>;
  /** How many webhooks the account has, to show "7 of 10": every page, however many there are. */
  countWebhooks(scope: AccountScope): Promise<number>;
  getWebhook(scope: AccountScope, id: string): Promise<Webhook>;
  createWebhook(scope: AccountScope, input: CreateWebhookInput): Promise<Webhook>;
  updateWebhook(scope: AccountScope, id: string, input: UpdateWebhookInput): Promise<Webhook>;
  deleteWebhook(scope: AccountScope, id: string): Promise<void>;
  /** Sends a test ping and reports what happened as a message code; the service words it. */
  pingWebhook(input: PingInput): Promise<PingReport>;
}
