import { forbidden, notFound, redirect } from "next/navigation";
import { requirePageUser } from "@/lib/auth/page";
import { firstAccountPath, providersOpenTo } from "@/lib/webhooks/page-context";

/** `/{provider}`, the shell's provider switch: that provider's first account the user may open. */
export default async function ProviderPage({ params }: PageProps<"/[provider]">) {
  const user = await requirePageUser();
  const { provider } = await params;
  const open = providersOpenTo(user).find((p) => p.id === provider);
  if (!open) {
    // A configured provider the user has no account in is a 403; anything else, a 404.
    if (providersOpenTo({ ...user, accounts: "all" }).some((p) => p.id === provider)) forbidden();
    notFound();
  }
  redirect((await firstAccountPath(user, open.id)) ?? "/accounts");
}
