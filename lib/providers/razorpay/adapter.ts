import "server-only";
import { z } from "zod";
import type { RazorpayAccount as ProviderAccount } from "./env";
import { AppError, type ErrorKey } from "@/lib/http/errors";
import { decodeCursor, encodeCursor, offsetCursorSchema } from "@/lib/providers/cursor";
import type {
  AccountScope,
  ListAccountsInput,
  ListedWebhooks,
  ListWebhooksInput,
  PingInput,
  ProviderAdapter,
} from "@/lib/providers/types";
import { isUnchangedMaskedUrl } from "@/lib/webhooks/mask";
import type { Account, AccountPage, PingReport, Webhook } from "@/lib/webhooks/model";
import type { CreateWebhookInput, UpdateWebhookInput } from "@/lib/webhooks/schemas";
import { razorpayDescriptor } from "./descriptor";
import { createRazorpayClient, type RazorpayClientConfig } from "./client";
import { RAZORPAY_EVENT_GROUPS } from "./events";
import { toWebhook } from "./mapper";
import { PingRefusedError, sendRazorpayPing } from "./ping";
import { razorpayCollectionSchema, razorpayWebhookSchema, type RazorpayWebhook } from "./schemas";

export interface RazorpayConfig extends RazorpayClientConfig {
  accounts: ProviderAccount[];
  /** Only on the sandbox may a ping go to loopback or private addresses and other ports. */
  allowPrivatePingTargets: boolean;
  /**
   * Where such a ping may go: the sandbox's own receivers (`http://127.0.0.1:<port>/receivers/`).
   * Any other loopback or private URL is refused as in production, so that a ping cannot drive the
   * sandbox's controls or tell this machine's open ports from closed ones. Unset: anywhere (tests).
   */
  privatePingPrefix?: string;
}

/** Why a ping was not sent, in the user's language (the guard's own text names the address, in English). */
const PING_REFUSED = {
  port: "pingRefusedPort",
  "private-address": "pingRefusedPrivate",
  scheme: "pingRefusedScheme",
  dns: "pingRefusedDns",
} as const satisfies Record<PingRefusedError["reason"], ErrorKey>;

const MAX_COUNT = 100;
/** 2,000 webhooks, far past Razorpay's 30 per account: a list longer than that is a broken one. */
const MAX_PAGES = 20;
const ACCOUNTS_PAGE_SIZE = 10;

export function createRazorpayAdapter(config: RazorpayConfig): ProviderAdapter {
  const request = createRazorpayClient(config);
  const path = (account: string, id?: string) =>
    `/v2/accounts/${encodeURIComponent(account)}/webhooks${id ? `/${encodeURIComponent(id)}` : ""}`;

  // Razorpay has no API that lists a partner's sub-merchants for this purpose: the accounts the
  // console may open are the operator's list in RAZORPAY_ACCOUNTS, searched and paged here.
  function listAccounts({ q, cursor }: ListAccountsInput): Promise<AccountPage> {
    const offset = cursor ? decodeCursor(cursor, offsetCursorSchema).o : 0;
    const needle = q?.trim().toLowerCase() ?? "";
    const matching = config.accounts.filter(
      (a) =>
        needle === "" ||
        a.id.toLowerCase().includes(needle) ||
        a.name.toLowerCase().includes(needle),
    );
    const hasMore = offset + ACCOUNTS_PAGE_SIZE < matching.length;
    return Promise.resolve({
      data: matching
        .slice(offset, offset + ACCOUNTS_PAGE_SIZE)
        .map((a) => ({ ...a, provider: "razorpay" as const })),
      page: {
        next: hasMore ? encodeCursor({ o: offset + ACCOUNTS_PAGE_SIZE }) : null,
        previous: offset > 0 ? encodeCursor({ o: Math.max(0, offset - ACCOUNTS_PAGE_SIZE) }) : null,
        hasMore,
      },
    });
  }

  function assertAccount({ account }: AccountScope): Promise<void> {
    // Never forward an account the operator did not list: that is how the console scopes a partner key.
    if (config.accounts.some((a) => a.id === account)) return Promise.resolve();
    return Promise.reject(AppError.of("forbidden", "accountForbidden", { account }));
  }

  function getAccount({ account }: AccountScope): Promise<Account> {
    const found = config.accounts.find((a) => a.id === account);
    if (found) return Promise.resolve({ ...found, provider: "razorpay" });
    return Promise.reject(AppError.of("forbidden", "accountForbidden", { account }));
  }

  /**
   * Every webhook of an account, in pages of 100 (Razorpay caps an account at 30, so this is one
   * call in practice). The list is newest first by `skip`, so a webhook created meanwhile shifts the
   * pages by one: ids seen twice are counted once. It ends on a short page; a full page that brings
   * nothing new (a `skip` that was not honoured), or more than `MAX_PAGES`, is a list that does not
   * end: an error rather than a wrong count or a search that never answers.
   */
  async function listAll(
    account: string,
    range: { from?: number; to?: number } = {},
  ): Promise<RazorpayWebhook[]> {
    const all = new Map<string, RazorpayWebhook>();
    for (let pageNo = 0; pageNo < MAX_PAGES; pageNo++) {
      const page = await request(razorpayCollectionSchema, "GET", path(account), {
        query: { count: MAX_COUNT, skip: pageNo * MAX_COUNT, ...range },
      });
      const known = all.size;
      for (const webhook of page.items) all.set(webhook.id, webhook);
      if (page.items.length < MAX_COUNT) return [...all.values()];
      // A full page of nothing new: `skip` was not honoured, and the pages would never end.
      if (all.size === known) break;
    }
    // A list that does not end is not one the console can count or search.
    throw AppError.of("provider_error", "providerNonsense", { provider: "Razorpay" });
  }

  async function listWebhooks(input: ListWebhooksInput): Promise<ListedWebhooks> {
    const offset = input.cursor ? decodeCursor(input.cursor, offsetCursorSchema).o : 0;
    const limit = Math.min(input.limit, MAX_COUNT);
    const range = { from: input.from, to: input.to };
    const dated = input.from !== undefined || input.to !== undefined;
    const q = input.q?.trim().toLowerCase();
    // A search without dates reads the whole account: its read is the count, no second one.
    const countsItself = Boolean(q) && !dated;
    const counting =
      input.withTotal && !countsItself ? countWebhooks(input) : Promise.resolve(undefined);
    let items: RazorpayWebhook[];
    let hasMore: boolean;
    let total: number | undefined;
    if (q) {
      // Razorpay has no search: we search URL and event names over all of the account's webhooks
      // (at most 30) and page the matches ourselves.
      const [all, counted] = await Promise.all([listAll(input.account, range), counting]);
      const matches = all.filter(
        (w) => w.url.toLowerCase().includes(q) || w.events.some((e) => e.toLowerCase().includes(q)),
      );
      items = matches.slice(offset, offset + limit);
      hasMore = offset + limit < matches.length;
      total = countsItself ? all.length : counted;
    } else {
      // One more than the page asks for tells whether there is a next page (`count` is not a total).
      const [page, counted] = await Promise.all([
        request(razorpayCollectionSchema, "GET", path(input.account), {
          query: { count: Math.min(limit + 1, MAX_COUNT), skip: offset, ...range },
        }),
        counting,
      ]);
      items = page.items.slice(0, limit);
      hasMore = page.items.length > limit;
      total = counted;
    }
    return {
      data: items.map((w) => toWebhook(w, input.account)),
      page: {
        next: hasMore ? encodeCursor({ o: offset + limit }) : null,
        previous: offset > 0 ? encodeCursor({ o: Math.max(0, offset - limit) }) : null,
        hasMore,
      },
      ...(input.withTotal && total !== undefined ? { total } : {}),
    };
  }

  async function countWebhooks(scope: AccountScope): Promise<number> {
    return (await listAll(scope.account)).length;
  }

  const getRaw = (scope: AccountScope, id: string) =>
    request(razorpayWebhookSchema, "GET", path(scope.account, id));

  async function createWebhook(scope: AccountScope, input: CreateWebhookInput): Promise<Webhook> {
    const created = await request(razorpayWebhookSchema, "POST", path(scope.account), {
      body: {
        url: input.url,
        events: input.events,
        ...(input.alertEmail ? { alert_email: input.alertEmail } : {}),
        ...(input.secret ? { secret: input.secret } : {}),
      },
    });
    return toWebhook(created, scope.account);
  }

  async function updateWebhook(
    scope: AccountScope,
    id: string,
    input: UpdateWebhookInput,
  ): Promise<Webhook> {
    // PATCH wants `url` and the full `events` array together; keep what is not being changed.
    const current = await getRaw(scope, id);
    const url =
      input.url === undefined || isUnchangedMaskedUrl(input.url, current.url)
        ? current.url
        : input.url;
    const updated = await request(razorpayWebhookSchema, "PATCH", path(scope.account, id), {
      body: {
        url,
        events: input.events ?? current.events,
        ...(input.alertEmail !== undefined ? { alert_email: input.alertEmail ?? "" } : {}),
        // The secret is write-only: sent only when the user typed a new one.
        ...(input.secret ? { secret: input.secret } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
      },
    });
    return toWebhook(updated, scope.account);
  }

  function mayPingPrivately(url: string): boolean {
    if (config.privatePingPrefix === undefined) return true;
    try {
      return new URL(url).href.startsWith(config.privatePingPrefix);
    } catch {
      return false;
    }
  }

  // How often a webhook may be pinged is the service's business (a shared limit in the database).
  async function pingWebhook(input: PingInput): Promise<PingReport> {
    const webhook = await getRaw(input, input.id);
    try {
      return await sendRazorpayPing({
        url: webhook.url,
        accountId: input.account,
        event: webhook.events[0] ?? "payment.captured",
        secret: input.secret,
        allowPrivate: config.allowPrivatePingTargets && mayPingPrivately(webhook.url),
      });
    } catch (error) {
      if (error instanceof PingRefusedError)
        throw AppError.of("bad_request", PING_REFUSED[error.reason], undefined, { cause: error });
      throw error;
    }
  }

  return {
    id: razorpayDescriptor.id,
    displayName: razorpayDescriptor.displayName,
    webhookLimit: razorpayDescriptor.limits.webhooksPerAccount,
    listAccounts,
    assertAccount,
    getAccount,
    eventCatalogue: () => RAZORPAY_EVENT_GROUPS.map((g) => ({ id: g.key, events: [...g.events] })),
    listWebhooks,
    countWebhooks,
    getWebhook: async (scope, id) => toWebhook(await getRaw(scope, id), scope.account),
    createWebhook,
    updateWebhook,
    deleteWebhook: async (scope, id) => {
      await request(z.array(z.unknown()), "DELETE", path(scope.account, id));
    },
    pingWebhook,
  };
}
