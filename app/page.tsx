import { redirect } from "next/navigation";
import { requirePageUser } from "@/lib/auth/page";
import { firstAccountPath, providersOpenTo } from "@/lib/webhooks/page-context";

/**
 * `/` opens the first provider's first account the user may open (DESIGN.md); with none (no
 * provider configured, no grant, or the provider cannot list its accounts now), the overview of
 * providers and accounts says why.
 */
export default async function HomePage() {
  const user = await requirePageUser();
  for (const provider of providersOpenTo(user)) {
    const path = await firstAccountPath(user, provider.id);
    if (path) redirect(path);
  }
  redirect("/accounts");
}
