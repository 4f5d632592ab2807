import { Suspense } from "react";
import { AuditView } from "@/components/audit/audit-view";
import { requirePageUser } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { getTranslator } from "@/lib/i18n/server";

/** The audit log: who changed what, where, and with what outcome; filters and page in the URL. */
export default async function AuditPage() {
  const user = await requirePageUser();
  const { t } = await getTranslator();
  if (!can(user.role, "audit:read")) {
    return (
      <div role="alert" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-6">
        <h1 className="text-xl font-semibold text-amber-950">{t("audit.forbidden")}</h1>
        <p className="text-sm text-amber-900">
          {t("audit.forbiddenBody", { role: t(`audit.roles.${user.role}`) })}
        </p>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("audit.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("audit.intro")}</p>
      </div>
      <Suspense>
        <AuditView />
      </Suspense>
    </div>
  );
}
