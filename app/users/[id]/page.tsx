import { EditUser } from "@/components/users/edit-user";
import { OnlyAdmins } from "@/components/users/only-admins";
import { FormPageHeader } from "@/components/webhooks/form-page-header";
import { requirePageUser } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { getTranslator } from "@/lib/i18n/server";
import { getConsoleInfo } from "@/lib/webhooks/service";

export default async function EditUserPage({ params }: PageProps<"/users/[id]">) {
  const me = await requirePageUser();
  const { t } = await getTranslator();
  if (!can(me.role, "users:manage"))
    return <OnlyAdmins title={t("users.editTitle")} message={t("users.onlyAdmins")} />;
  const { id } = await params;
  const providers = getConsoleInfo().providers.map(({ id, displayName }) => ({ id, displayName }));
  return (
    <div className="space-y-6">
      <FormPageHeader
        title={t("users.editTitle")}
        backHref="/users"
        backLabel={t("users.backToUsers")}
      />
      <EditUser id={id} providers={providers} />
    </div>
  );
}
