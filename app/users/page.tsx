import { Suspense } from "react";
import { OnlyAdmins } from "@/components/users/only-admins";
import { UsersView } from "@/components/users/users-view";
import { requirePageUser } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { getTranslator } from "@/lib/i18n/server";
import { getConsoleInfo } from "@/lib/webhooks/service";

export default async function UsersPage() {
  const me = await requirePageUser();
  const { t } = await getTranslator();
  if (!can(me.role, "users:manage"))
    return <OnlyAdmins title={t("users.title")} message={t("users.onlyAdmins")} />;
  const providers = getConsoleInfo().providers.map(({ id, displayName }) => ({ id, displayName }));
  return (
    <Suspense>
      <UsersView providers={providers} />
    </Suspense>
  );
}
