"use client";

import { X } from "lucide-react";
import { useTranslations } from "use-intl";
import type { GrantedAccountView } from "@/lib/users/model";
import { providerNameOf, type ProviderInfo } from "@/lib/users/providers";
import { GrantedAccountName } from "./granted-account-name";

/** The accounts granted so far, each with a button that removes it. */
export function GrantedAccounts({
  providers,
  value,
  onRemove,
}: {
  providers: readonly ProviderInfo[];
  value: GrantedAccountView[];
  onRemove: (grant: GrantedAccountView) => void;
}) {
  const t = useTranslations("users.picker");
  if (value.length === 0) return <p className="text-sm text-slate-500">{t("noneGranted")}</p>;
  return (
    <ul aria-label={t("granted")} className="flex flex-wrap gap-2">
      {value.map((grant) => (
        <li
          key={`${grant.provider}/${grant.account}`}
          className="flex items-center gap-1 rounded-full border border-slate-300 bg-slate-50 py-0.5 pr-1 pl-3 text-sm"
        >
          <GrantedAccountName
            account={grant}
            providerName={providerNameOf(providers, grant.provider)}
          />
          <button
            type="button"
            aria-label={t("remove", { name: grant.name })}
            className="rounded-full p-1 text-slate-500 hover:bg-slate-200 hover:text-slate-900"
            onClick={() => onRemove(grant)}
          >
            <X aria-hidden className="size-3.5" />
          </button>
        </li>
      ))}
    </ul>
  );
}
