import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getSessionUser, type SessionUser } from "./session";

/** The signed-in user of this page render, or null; looked up once per request (layout and page). */
export const getPageUser = cache(async () => getSessionUser(await headers()));

/** For pages: the signed-in user, or a redirect to the sign-in page (coming back here after). */
export async function requirePageUser(): Promise<SessionUser> {
  const user = await getPageUser();
  if (!user) {
    const from = (await headers()).get("x-console-path");
    redirect(from && from !== "/" ? `/sign-in?next=${encodeURIComponent(from)}` : "/sign-in");
  }
  return user;
}
