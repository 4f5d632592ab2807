"use client";

import { useTranslations } from "use-intl";
import { accountNameOf, isOwnAccount } from "./account-name";

/** An account's name, and for the provider's own account (the holding) a mark that says so. */
export function AccountLabel({
  account,
}: {
  account: { provider: string; id: string; name: string; kind?: "holding" | "account" };
}) {
  const t = useTranslations("home");
  return (
    <>
      {accountNameOf(account, t("holdingCompany"))}
      {isOwnAccount(account) && (
        <span className="ml-2 inline-block rounded bg-slate-100 px-1.5 py-0.5 align-middle text-xs font-medium text-slate-700">
          {t("holdingMark")}
        </span>
      )}
    </>
  );
}
