import "server-only";
import { notFound } from "next/navigation";
import { accountParams, webhookParams } from "@/lib/http/params";
import { getConsoleInfo, getEventCatalogue, urlRuleContext } from "./service";

/** What a webhook page needs from its path: the provider (404 when not configured) and the account. */
export function resolveAccountPage(params: unknown) {
  const parsed = accountParams.safeParse(params);
  const provider =
    parsed.success && getConsoleInfo().providers.find((p) => p.id === parsed.data.provider);
  if (!parsed.success || !provider) notFound();
  return { provider, account: parsed.data.account };
}

export function resolveFormPage(params: unknown) {
  const { provider, account } = resolveAccountPage(params);
  const id = webhookParams.shape.id.safeParse((params as { id?: unknown }).id);
  return {
    provider,
    account,
    id: id.success ? id.data : undefined,
    catalogue: getEventCatalogue(provider.id).groups,
    rules: urlRuleContext(),
  };
}
