import type { EmulatorContext } from "../context";
import { json, matchPath, type SandboxRequest, type SandboxResponse } from "../http";
import { listAllowedEvents } from "./events";
import { badRequest, idNotFound, RAZORPAY_TEXT, routeNotFound } from "./errors";
import {
  parseCreateBody,
  parseListQuery,
  parseUpdateBody,
  type WebhookBodyRules,
} from "./requests";
import type { RazorpayCollection } from "./schemas";
import {
  MAX_WEBHOOKS_PER_ACCOUNT,
  type RazorpayStore,
  type StoredAccount,
  type StoredWebhook,
} from "./store";

interface RouteInput {
  req: SandboxRequest;
  params: Record<string, string>;
  store: RazorpayStore;
  context: EmulatorContext;
}

type Handler = (input: RouteInput) => SandboxResponse;

interface Route {
  method: string;
  pattern: string;
  handle: Handler;
}

const WEBHOOKS = "/v2/accounts/:account/webhooks";
const WEBHOOK = "/v2/accounts/:account/webhooks/:id";

// POST /v2/accounts/{account_id}/webhooks: register a webhook for a sub-merchant.
const createWebhook: Handler = ({ req, params, store, context }) => {
  const account = findAccountOrThrow(store, params);
  const input = parseCreateBody(req, bodyRules(account, context));
  // The cap is checked once the body is known to be good, as a business rule after validation.
  if (store.countWebhooks(account.id) >= MAX_WEBHOOKS_PER_ACCOUNT)
    throw badRequest(RAZORPAY_TEXT.limitReached);
  return json(200, store.toReply(store.create(account.id, input)));
};

// GET /v2/accounts/{account_id}/webhooks: one page, newest first; `count` is this page's size.
const listWebhooks: Handler = ({ req, params, store }) => {
  const account = findAccountOrThrow(store, params);
  const items = store.list(account.id, parseListQuery(req.query)).map((w) => store.toReply(w));
  const body: RazorpayCollection = { entity: "collection", count: items.length, items };
  return json(200, body);
};

// GET /v2/accounts/{account_id}/webhooks/{webhook_id}: one webhook of this account.
const getWebhook: Handler = ({ params, store }) => {
  const { webhook } = findWebhookOrThrow(store, params);
  return json(200, store.toReply(webhook));
};

// PATCH /v2/accounts/{account_id}/webhooks/{webhook_id}: new URL and the full events set.
const updateWebhook: Handler = ({ req, params, store, context }) => {
  const { account, webhook } = findWebhookOrThrow(store, params);
  const input = parseUpdateBody(req, bodyRules(account, context));
  return json(200, store.toReply(store.update(webhook, input)));
};

// DELETE /v2/accounts/{account_id}/webhooks/{webhook_id}: Razorpay answers an empty array.
const deleteWebhook: Handler = ({ params, store }) => {
  const { webhook } = findWebhookOrThrow(store, params);
  store.delete(webhook);
  return json(200, []);
};

const ROUTES: readonly Route[] = [
  { method: "POST", pattern: WEBHOOKS, handle: createWebhook },
  { method: "GET", pattern: WEBHOOKS, handle: listWebhooks },
  { method: "GET", pattern: WEBHOOK, handle: getWebhook },
  { method: "PATCH", pattern: WEBHOOK, handle: updateWebhook },
  { method: "DELETE", pattern: WEBHOOK, handle: deleteWebhook },
];

/**
 * The handler for a request, or a "not found" error. Paths compare segment by segment, so a
 * trailing slash is accepted; a known path with another method is "not found" too.
 */
export function findRoute(req: SandboxRequest): {
  handle: Handler;
  params: Record<string, string>;
} {
  for (const route of ROUTES) {
    if (route.method !== req.method) continue;
    const params = matchPathSafely(route.pattern, req.path);
    if (params) return { handle: route.handle, params };
  }
  throw routeNotFound();
}

function matchPathSafely(pattern: string, path: string): Record<string, string> | null {
  try {
    return matchPath(pattern, path);
  } catch {
    // A malformed percent-escape matches no route.
    return null;
  }
}

/**
 * An account id the partner does not have (or one without `acc_`) is refused with the same 400 as
 * an unknown webhook id: Razorpay looks both up the same way and does not tell them apart.
 */
function findAccountOrThrow(store: RazorpayStore, params: Record<string, string>): StoredAccount {
  const account = store.getAccount(params.account ?? "");
  if (!account) throw idNotFound();
  return account;
}

function findWebhookOrThrow(
  store: RazorpayStore,
  params: Record<string, string>,
): { account: StoredAccount; webhook: StoredWebhook } {
  const account = findAccountOrThrow(store, params);
  const webhook = store.get(account.id, params.id ?? "");
  if (!webhook) throw idNotFound();
  return { account, webhook };
}

function bodyRules(account: StoredAccount, context: EmulatorContext): WebhookBodyRules {
  return {
    allowLoopback: context.allowLoopback,
    allowedEvents: listAllowedEvents(account.features),
  };
}
