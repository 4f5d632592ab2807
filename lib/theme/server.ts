import "server-only";
import { cookies } from "next/headers";
import { pickTheme, THEME_COOKIE, type Theme } from "./theme";

/**
 * The theme of this request, for `<html data-theme>`: the page arrives in its colours, so there is
 * no flash. "system" is resolved by CSS (prefers-color-scheme), which the server cannot see.
 */
export async function getTheme(): Promise<Theme> {
  return pickTheme((await cookies()).get(THEME_COOKIE)?.value);
}
