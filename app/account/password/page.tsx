import { PasswordForm } from "@/components/auth/password-form";
import { requirePageUser } from "@/lib/auth/page";
import { getTranslator } from "@/lib/i18n/server";

export default async function PasswordPage() {
  await requirePageUser();
  const { t } = await getTranslator();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("auth.changePasswordTitle")}</h1>
      <PasswordForm />
    </div>
  );
}
