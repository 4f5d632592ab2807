"use client";

import { accountNameOf } from "@/components/accounts/account-name";
import { useTranslations } from "use-intl";
import type { GrantedAccountView } from "@/lib/users/model";

/** "Conekta · Farmacia Roma": an account grant as people read it (the holding in their language). */
export function GrantedAccountName({
  account,
  providerName,
}: {
  account: GrantedAccountView;
  providerName: string;
}) {
  const t = useTranslations("home");
  const name = accountNameOf(
    { provider: account.provider, id: account.account, name: account.name },
    t("holdingCompany"),
  );
  return (
    <span title={account.account}>
      <span className="text-slate-500">{providerName} · </span>
      {name}
    </span>
  );
}
