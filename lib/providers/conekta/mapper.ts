import "server-only";
import type { Account } from "@/lib/webhooks/model";
import type { ConektaCompany } from "./schemas";

/** The holding's own webhooks live under this account id in the console's addresses. */
export const CONEKTA_DEFAULT_ACCOUNT = "default";

export function toAccount(company: ConektaCompany): Account {
  return { id: company.id, name: company.name, provider: "conekta" };
}
