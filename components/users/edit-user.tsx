"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "use-intl";
import { useMe } from "@/components/auth/me-context";
import type { ProviderInfo } from "@/lib/users/providers";
import { userQueries } from "@/lib/users/queries";
import { ApiError } from "@/lib/webhooks/api-client";
import { ResetPassword } from "./reset-password";
import { UserForm } from "./user-form";
import { UsersError, UsersLoading } from "./users-states";

/** Loads one user and shows the edit form, and (for someone else) the password reset. */
export function EditUser({ id, providers }: { id: string; providers: readonly ProviderInfo[] }) {
  const t = useTranslations("users");
  const format = useFormatter();
  const me = useMe();
  const user = useQuery(userQueries.detail(id));

  if (user.isPending) return <UsersLoading />;
  if (user.isError) {
    if (user.error instanceof ApiError && user.error.status === 404)
      return (
        <p role="alert" className="rounded-md bg-amber-50 p-4 text-sm text-amber-900">
          {t("notFound")}
        </p>
      );
    return (
      <UsersError
        error={user.error}
        onRetry={() => void user.refetch()}
        retrying={user.isFetching}
      />
    );
  }
  const isSelf = me?.id === user.data.id;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-lg font-medium break-all">{user.data.email}</p>
        <p className="text-sm text-slate-500">
          {t("createdAt", {
            date: format.dateTime(new Date(user.data.createdAt), { dateStyle: "medium" }),
          })}
        </p>
      </div>
      {/* Keyed by the user, so that the form starts from what was saved after navigating between users. */}
      <UserForm key={user.data.id} user={user.data} providers={providers} isSelf={isSelf} />
      {!isSelf && <ResetPassword user={user.data} />}
    </div>
  );
}
