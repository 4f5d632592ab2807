import Link from "next/link";
import { getPageUser } from "@/lib/auth/page";
import { getTranslator } from "@/lib/i18n/server";

/** A page the user's role or granted accounts do not open: said plainly, with a 403. */
export default async function Forbidden() {
  const [{ t }, user] = await Promise.all([getTranslator(), getPageUser()]);
  return (
    <div role="alert" className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-6">
      <h1 className="text-xl font-semibold text-amber-950">{t("auth.notAllowedTitle")}</h1>
      <p className="text-sm text-amber-900">
        {user
          ? t("auth.notAllowedFor", { role: t(`auth.role.${user.role}`) })
          : t("auth.notAllowedAccount")}
      </p>
      <Link href="/" className="text-sm text-indigo-700 hover:underline">
        {t("auth.backHome")}
      </Link>
    </div>
  );
}
