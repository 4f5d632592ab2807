import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getDemoUsers } from "@/lib/auth/demo-users";
import { getSessionUser } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";

/**
 * Only a path on this console: `next` must never send a user to another site after sign-in. It is
 * resolved as a browser would (which drops tabs and newlines and reads backslashes as slashes) and
 * kept only when it stays on the same origin.
 */
function safeNext(value: string | string[] | undefined): string {
  const next = Array.isArray(value) ? value[0] : value;
  if (!next?.startsWith("/")) return "/";
  const base = "http://console.invalid";
  try {
    const url = new URL(next, base);
    return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : "/";
  } catch {
    return "/";
  }
}

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const next = safeNext((await searchParams).next);
  if (await getSessionUser(await headers())) redirect(next);
  const { t } = await getTranslator();
  const demo = getDemoUsers();
  const demoUsers = demo?.users.map((u) => ({
    email: u.email,
    role: `${t(`auth.role.${u.role}`)}: ${t(`auth.roleSummary.${u.role}`)}`,
  }));
  return (
    <div className="mx-auto max-w-sm space-y-6 py-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("auth.signInTitle")}</h1>
        <p className="text-sm text-slate-600">{t("auth.signInIntro")}</p>
      </div>
      <SignInForm next={next} demoUsers={demoUsers} demoPassword={demo?.password} />
    </div>
  );
}
