import "server-only";
import { forbidden, notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/page";
import { can, type Permission } from "@/lib/auth/permissions";
import { mayOpenAccount, type SessionUser } from "@/lib/auth/session";
import { getDescriptor } from "@/lib/providers/catalogue";
import { accountParams, webhookParams } from "@/lib/http/params";
import { accountNameOf } from "@/components/accounts/account-name";
import { getLanguage, getTranslator } from "@/lib/i18n/server";
import { findAccount } from "./accounts";
import type { ProviderId } from "./model";
import { getConsoleInfo, getEventCatalogue, listAccounts, urlRuleContext } from "./service";

/**
 * What a webhook page needs from its path: the signed-in user (else sign-in), the provider (404 when
 * not configured) and the account, which the user must be allowed to open with this permission
 * (else the plain 403 page, app/forbidden.tsx).
 */
export async function resolveAccountPage(
  params: unknown,
  permission: Permission = "webhooks:read",
) {
  const user = await requirePageUser();
  const parsed = accountParams.safeParse(params);
  const provider =
    parsed.success && getConsoleInfo().providers.find((p) => p.id === parsed.data.provider);
  if (!parsed.success || !provider) notFound();
  if (!mayOpenAccount(user, provider.id, parsed.data.account) || !can(user.role, permission))
    forbidden();
  return { provider, account: parsed.data.account, user };
}

export async function resolveFormPage(params: unknown, permission: Permission = "webhooks:write") {
  const { provider, account, user } = await resolveAccountPage(params, permission);
  const id = webhookParams.shape.id.safeParse((params as { id?: unknown }).id);
  return {
    provider,
    account,
    user,
    id: id.success ? id.data : undefined,
    catalogue: getEventCatalogue(provider.id).groups,
    rules: urlRuleContext(),
  };
}

/**
 * The breadcrumbs above a form: provider, account (linked to its list, named as the provider names
 * it, or by its id when that lookup fails) and the page itself.
 */
export async function formCrumbs(
  provider: { id: string; displayName: string },
  account: string,
  current: string,
) {
  const { locale, t } = await getTranslator();
  const found = await findAccount(provider.id, { account, language: locale });
  return [
    { label: provider.displayName },
    {
      label: found ? accountNameOf(found, t("home.holdingCompany")) : account,
      href: `/${provider.id}/${account}/webhooks`,
    },
    { label: current },
  ];
}

/**
 * Where a user lands in a provider (`/` for the first provider, `/{provider}` for another): its
 * first account this user may open, or null when there is none (or the provider cannot say now).
 */
export async function firstAccountPath(user: SessionUser, provider: ProviderId) {
  let first: string | undefined;
  if (user.accounts !== "all") {
    first = user.accounts.find((a) => a.provider === provider)?.account;
  } else {
    // The provider's own account needs no call; otherwise the first account it lists.
    first =
      getDescriptor(provider).accounts.ownAccountId ??
      (await listAccounts(provider, { language: await getLanguage() }, user).catch(() => null))
        ?.data[0]?.id;
  }
  return first === undefined ? null : `/${provider}/${encodeURIComponent(first)}/webhooks`;
}

/** The configured providers in which this user may open at least one account, in the console's order. */
export function providersOpenTo(user: Pick<SessionUser, "accounts">) {
  const { providers } = getConsoleInfo();
  const granted = user.accounts;
  return granted === "all"
    ? providers
    : providers.filter((p) => granted.some((a) => a.provider === p.id));
}
