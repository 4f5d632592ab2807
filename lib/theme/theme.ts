export const themes = ["system", "light", "dark"] as const;
export type Theme = (typeof themes)[number];
export const THEME_COOKIE = "console-theme";

/** The saved choice, or "system" (follow the browser's prefers-color-scheme) when there is none. */
export function pickTheme(saved: string | undefined): Theme {
  return themes.find((theme) => theme === saved) ?? "system";
}
