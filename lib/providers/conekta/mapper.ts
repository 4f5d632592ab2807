import "server-only";
import { maskUrlCredentials } from "@/lib/webhooks/mask";
import type { Account, Webhook } from "@/lib/webhooks/model";
import type { ConektaCompany, ConektaWebhook } from "./schemas";

/** The holding's own webhooks live under this account id in the console's addresses. */
export const CONEKTA_DEFAULT_ACCOUNT = "default";

export function toAccount(company: ConektaCompany): Account {
  return { id: company.id, name: company.name, provider: "conekta" };
}

/** Reads both Conekta webhook shapes (2.1.0 and 2.2+) into the console's model. */
export function toWebhook(raw: ConektaWebhook, account: string): Webhook {
  return {
    id: raw.id,
    provider: "conekta",
    account,
    url: maskUrlCredentials(raw.url),
    events: raw.subscribed_events ?? [],
    // 2.2+ says `active`; 2.1.0 has no such flag (its production/development switches are not it).
    active: raw.active ?? null,
    status: raw.status ?? null,
    hasSecret: null,
    alertEmail: null,
    createdAt: null,
    updatedAt: null,
  };
}
