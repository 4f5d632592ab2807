"use client";

import Link from "next/link";
import { useTranslations } from "use-intl";
import { useMe } from "@/components/auth/me-context";
import { Table, Td, Th } from "@/components/ui/table";
import { seesAllAccounts } from "@/lib/auth/permissions";
import type { User } from "@/lib/users/model";
import { providerNameOf, type ProviderInfo } from "@/lib/users/providers";
import { GrantedAccountName } from "./granted-account-name";

/** One row per user: email, name, role, what they open, whether they may sign in, and Edit. */
export function UsersTable({
  users,
  providers,
  busy,
}: {
  users: User[];
  providers: readonly ProviderInfo[];
  busy: boolean;
}) {
  const t = useTranslations();
  const me = useMe();
  return (
    <Table aria-label={t("users.title")} aria-busy={busy}>
      <thead>
        <tr>
          <Th>{t("users.email")}</Th>
          <Th>{t("users.name")}</Th>
          <Th>{t("users.role")}</Th>
          <Th>{t("users.accounts")}</Th>
          <Th>{t("users.status")}</Th>
          <Th>
            <span className="sr-only">{t("users.actions")}</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.id}>
            <Td className="font-medium break-all">
              {user.email}{" "}
              {me?.id === user.id && <span className="text-slate-500">{t("users.you")}</span>}
            </Td>
            <Td>{user.name}</Td>
            <Td>{t(`auth.role.${user.role}`)}</Td>
            <Td>
              {seesAllAccounts(user.role) ? (
                t("users.allAccounts")
              ) : user.accounts.length === 0 ? (
                <span className="text-slate-500">{t("users.noGrants")}</span>
              ) : (
                <ul className="space-y-0.5">
                  {user.accounts.map((a) => (
                    <li key={`${a.provider}/${a.account}`}>
                      <GrantedAccountName
                        account={a}
                        providerName={providerNameOf(providers, a.provider)}
                      />
                    </li>
                  ))}
                </ul>
              )}
            </Td>
            <Td>
              {user.disabled ? (
                <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-700">
                  {t("users.disabled")}
                </span>
              ) : (
                <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-xs text-emerald-800">
                  {t("users.active")}
                </span>
              )}
            </Td>
            <Td className="text-right">
              <Link
                href={`/users/${encodeURIComponent(user.id)}`}
                className="text-indigo-700 hover:underline"
              >
                {t("users.edit")}
              </Link>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
