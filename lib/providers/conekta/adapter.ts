import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/http/errors";
import { decodeCursor, encodeCursor } from "@/lib/providers/cursor";
import type {
  AccountScope,
  ListAccountsInput,
  ListedWebhooks,
  ListWebhooksInput,
  ProviderAdapter,
} from "@/lib/providers/types";
import { isUnchangedMaskedUrl } from "@/lib/webhooks/mask";
import type { Account, AccountPage, Webhook } from "@/lib/webhooks/model";
import type { CreateWebhookInput, UpdateWebhookInput } from "@/lib/webhooks/schemas";
import { conektaDescriptor } from "./descriptor";
import { createConektaClient, type ConektaClientConfig, type ConektaScope } from "./client";
import { CONEKTA_EVENTS, groupByPrefix } from "./events";
import { CONEKTA_DEFAULT_ACCOUNT, toAccount, toWebhook } from "./mapper";
import { DEFAULT_PING_TIMING, pingConektaWebhook, type PingTiming } from "./ping";
import {
  conektaCompanyListSchema,
  conektaCompanySchema,
  conektaWebhookListSchema,
  conektaWebhookSchema,
  type ConektaWebhook,
} from "./schemas";

const ACCOUNTS_PAGE_SIZE = 10;
const MAX_LIST_LIMIT = 250;
/** 5,000 webhooks, far past Conekta's 10 per environment: a list longer than that is a broken one. */
const MAX_COUNT_PAGES = 20;
const cursorSchema = z.union([
  z.object({ next: z.string().min(1) }),
  z.object({ previous: z.string().min(1) }),
]);
const childCompanyId = /^[0-9a-f]{24}$/;
// How long the holding's own name (`GET /companies/current`) is kept: it names every first page of
// accounts, and a company is rarely renamed.
const HOLDING_NAME_MS = 5 * 60_000;

/** Conekta pages by ids: `next` is the last id of a page, `previous` the first. */
export function toPageInfo(
  items: { id: string }[],
  hasMoreInDirection: boolean,
  position: z.infer<typeof cursorSchema> | Record<string, never>,
) {
  const goingBack = "previous" in position;
  const onFirstPage = !("next" in position) && (!goingBack || !hasMoreInDirection);
  const hasMore = goingBack || hasMoreInDirection;
  const first = items[0];
  const last = items.at(-1);
  return {
    onFirstPage,
    page: {
      next: last && hasMore ? encodeCursor({ next: last.id }) : null,
      previous: first && !onFirstPage ? encodeCursor({ previous: first.id }) : null,
      hasMore,
    },
  };
}

export function createConektaAdapter(
  config: ConektaClientConfig & { ping?: PingTiming },
): ProviderAdapter {
  const client = createConektaClient(config);
  // From 2.2.0 on, Conekta takes `subscribed_events` in create and update (PROVIDERS.md).
  const [major = 2, minor = 1] = config.apiVersion.split(".").map(Number);
  const modernShape = major > 2 || minor >= 2;

  function scopeOf({ account, language }: AccountScope): ConektaScope {
    return account === CONEKTA_DEFAULT_ACCOUNT
      ? { language }
      : { language, childCompanyId: account };
  }

  let holdingName: { name: string; until: number } | undefined;
  /**
   * The holding as an account: "default", under its own name from Conekta. When Conekta cannot say
   * now, the name is empty and the page names it by its kind ("Holding company").
   */
  async function holding(language: ListAccountsInput["language"]): Promise<Account> {
    if (!holdingName || holdingName.until <= Date.now()) {
      const company = await client
        .send(conektaCompanySchema, () =>
          client.raw.GET("/companies/{id}", {
            params: { path: { id: "current" } },
            headers: client.headersFor({ language }),
          }),
        )
        .catch(() => null);
      if (!company)
        return { id: CONEKTA_DEFAULT_ACCOUNT, name: "", provider: "conekta", kind: "holding" };
      holdingName = { name: company.name, until: Date.now() + HOLDING_NAME_MS };
    }
    return {
      id: CONEKTA_DEFAULT_ACCOUNT,
      name: holdingName.name,
      provider: "conekta",
      kind: "holding",
    };
  }

  async function listAccounts({ q, cursor, language }: ListAccountsInput): Promise<AccountPage> {
    const position = cursor ? decodeCursor(cursor, cursorSchema) : {};
    const search = q?.trim() || undefined;
    const [list, own] = await Promise.all([
      client.send(conektaCompanyListSchema, () =>
        client.raw.GET("/companies", {
          params: { query: { limit: ACCOUNTS_PAGE_SIZE, search, ...position } },
          headers: client.headersFor({ language }),
        }),
      ),
      // Only a page that may be the first shows the holding: a later page never asks its name.
      "next" in position ? null : holding(language),
    ]);
    const { onFirstPage, page } = toPageInfo(list.data, list.has_more, position);
    // The holding's own webhooks come first, on the first page, as the account "default"; a search
    // finds it by its name, by "holding" or by "default".
    const needle = search?.toLowerCase();
    const shown =
      own &&
      onFirstPage &&
      (!needle || `${own.name} holding default`.toLowerCase().includes(needle));
    return { data: [...(shown ? [own] : []), ...list.data.map(toAccount)], page };
  }

  function assertAccount({ account }: AccountScope): Promise<void> {
    if (account !== CONEKTA_DEFAULT_ACCOUNT && !childCompanyId.test(account)) {
      return Promise.reject(AppError.of("not_found", "unknownCompany", { account }));
    }
    return Promise.resolve();
  }

  async function getAccount(scope: AccountScope): Promise<Account> {
    await assertAccount(scope);
    if (scope.account === CONEKTA_DEFAULT_ACCOUNT) return holding(scope.language);
    const unknown = (cause?: AppError) =>
      AppError.of("not_found", "unknownCompany", { account: scope.account }, { cause });
    const company = await client
      .send(conektaCompanySchema, () =>
        client.raw.GET("/companies/{id}", {
          params: { path: { id: scope.account } },
          headers: client.headersFor({ language: scope.language }),
        }),
      )
      .catch((error: unknown) => {
        throw error instanceof AppError && error.code === "not_found" ? unknown(error) : error;
      });
    // Conekta also answers for the holding itself, which the console opens as "default".
    if (!company.parent_company_id) throw unknown();
    return toAccount(company);
  }

  async function listWebhooks(input: ListWebhooksInput): Promise<ListedWebhooks> {
    const position = input.cursor ? decodeCursor(input.cursor, cursorSchema) : {};
    const [list, total] = await Promise.all([
      client.send(conektaWebhookListSchema, () =>
        client.raw.GET("/webhooks", {
          params: {
            query: {
              limit: Math.min(input.limit, MAX_LIST_LIMIT),
              search: input.q?.trim() || undefined,
              ...position,
            },
          },
          headers: client.headersFor(scopeOf(input)),
        }),
      ),
      input.withTotal ? countWebhooks(input) : undefined,
    ]);
    return {
      data: list.data.map((w) => toWebhook(w, input.account)),
      page: toPageInfo(list.data, list.has_more, position).page,
      ...(total !== undefined ? { total } : {}),
    };
  }

  /**
   * Counts every page of 250 (Conekta's largest), each asked after the last id of the one before
   * (`next`) while `has_more` says there is more. A page that does not move the cursor on, or more
   * than `MAX_COUNT_PAGES` of them, is a list that does not end: an error rather than a wrong count.
   */
  async function countWebhooks(scope: AccountScope): Promise<number> {
    let count = 0;
    let next: string | undefined;
    for (let pageNo = 0; pageNo < MAX_COUNT_PAGES; pageNo++) {
      const list = await client.send(conektaWebhookListSchema, () =>
        client.raw.GET("/webhooks", {
          params: { query: { limit: MAX_LIST_LIMIT, next } },
          headers: client.headersFor(scopeOf(scope)),
        }),
      );
      count += list.data.length;
      const last = list.data.at(-1)?.id;
      if (!list.has_more || last === undefined) return count;
      if (last === next) break;
      next = last;
    }
    throw AppError.of("provider_error", "providerNonsense", { provider: "Conekta" });
  }

  function getRaw(scope: AccountScope, id: string) {
    return client.send(conektaWebhookSchema, () =>
      client.raw.GET("/webhooks/{id}", {
        params: { path: { id } },
        headers: client.headersFor(scopeOf(scope)),
      }),
    );
  }

  async function putWebhook(
    scope: AccountScope,
    id: string,
    input: UpdateWebhookInput,
    known?: ConektaWebhook,
  ) {
    // 2.1.0's update requires `url` and `synchronous`: keep what the webhook has for anything not
    // changed, including a URL the user saw masked and left alone.
    const current = known ?? (await getRaw(scope, id));
    const url =
      input.url === undefined || isUnchangedMaskedUrl(input.url, current.url)
        ? current.url
        : input.url;
    const body = modernShape
      ? {
          url,
          ...(input.events ? { subscribed_events: input.events } : {}),
          ...(input.active !== undefined ? { active: input.active } : {}),
        }
      : {
          url,
          synchronous: current.synchronous ?? false,
          ...(input.events ? { events: input.events } : {}),
        };
    return client.send(conektaWebhookSchema, () =>
      client.raw.PUT("/webhooks/{id}", {
        params: { path: { id } },
        body: body as { url: string; synchronous: boolean; events?: string[] },
        headers: client.headersFor(scopeOf(scope)),
      }),
    );
  }

  /**
   * The spec does not declare `X-Child-Company-Id` on create (PROVIDERS.md): if Conekta ignored
   * it, the webhook would land in the holding. Read it back in the child company to prove where it
   * is. Another failure of the read proves nothing either way: go on with the create's reply.
   */
  async function confirmInChildCompany(scope: AccountScope, created: ConektaWebhook) {
    if (scope.account === CONEKTA_DEFAULT_ACCOUNT) return created;
    try {
      return await getRaw(scope, created.id);
    } catch (error) {
      if (!(error instanceof AppError && error.code === "not_found")) return created;
      throw AppError.of(
        "provider_error",
        "conektaChildCompanyMismatch",
        { id: created.id, account: scope.account },
        { cause: error, provider: error.provider },
      );
    }
  }

  async function createWebhook(scope: AccountScope, input: CreateWebhookInput): Promise<Webhook> {
    const body = modernShape
      ? { url: input.url, subscribed_events: input.events }
      : { url: input.url, synchronous: false };
    const created = await client.send(conektaWebhookSchema, () =>
      client.raw.POST("/webhooks", {
        body: body as { url: string; synchronous: boolean },
        headers: client.headersFor(scopeOf(scope)),
      }),
    );
    const landed = await confirmInChildCompany(scope, created);
    if (modernShape || input.events.length === 0) return toWebhook(landed, scope.account);
    // 2.1.0 creates without events: a second call subscribes them. If it fails, the webhook exists
    // without its events, and the user must be told so and offered to retry just the events.
    try {
      return toWebhook(
        await putWebhook(scope, created.id, { events: input.events }, landed),
        scope.account,
      );
    } catch (error) {
      throw eventsNotSavedError(toWebhook(created, scope.account), error);
    }
  }

  async function updateWebhook(
    scope: AccountScope,
    id: string,
    input: UpdateWebhookInput,
  ): Promise<Webhook> {
    return toWebhook(await putWebhook(scope, id, input), scope.account);
  }

  async function deleteWebhook(scope: AccountScope, id: string): Promise<void> {
    await client.send(conektaWebhookSchema.partial(), () =>
      client.raw.DELETE("/webhooks/{id}", {
        params: { path: { id } },
        headers: client.headersFor(scopeOf(scope)),
      }),
    );
  }

  return {
    id: conektaDescriptor.id,
    displayName: conektaDescriptor.displayName,
    webhookLimit: conektaDescriptor.limits.webhooksPerAccount,
    listAccounts,
    assertAccount,
    getAccount,
    eventCatalogue: () => groupByPrefix(CONEKTA_EVENTS),
    listWebhooks,
    countWebhooks,
    getWebhook: async (scope, id) => toWebhook(await getRaw(scope, id), scope.account),
    createWebhook,
    updateWebhook,
    deleteWebhook,
    pingWebhook: (input) =>
      pingConektaWebhook(client, scopeOf(input), input.id, config.ping ?? DEFAULT_PING_TIMING),
  };
}

/** The create half-succeeded: a 502 whose envelope names the webhook so the form can retry its events. */
function eventsNotSavedError(webhook: Webhook, cause: unknown): AppError {
  const reason = cause instanceof AppError ? cause.message : "Conekta did not answer.";
  return AppError.of(
    cause instanceof AppError ? cause.code : "provider_error",
    "eventsNotSaved",
    // The console's own reason is repeated in the user's language, like the message around it.
    { reason: cause instanceof AppError && cause.text ? cause.text : reason },
    {
      cause,
      provider: cause instanceof AppError ? cause.provider : undefined,
      createdWebhook: webhook,
      fields: cause instanceof AppError ? cause.fields : undefined,
    },
  );
}
