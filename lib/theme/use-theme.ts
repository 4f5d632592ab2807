"use client";

import { useSyncExternalStore } from "react";
import { pickTheme, THEME_COOKIE, type Theme } from "./theme";

/** `<html data-theme>` is the one place the choice lives in the page; the server renders it. */
function readTheme(): Theme {
  return pickTheme(document.documentElement.dataset.theme);
}

function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  return () => observer.disconnect();
}

/** The user's choice (system, light or dark), kept in step with `<html data-theme>`. */
export function useTheme(): Theme {
  return useSyncExternalStore(subscribe, readTheme, () => "system");
}

/**
 * Saves the choice in a cookie for a year, so the server renders the next page in it, and applies
 * it at once: the CSS follows `<html data-theme>` (app/globals.css). Transitions are held for that
 * moment, or every button would fade through its hover colours into the new theme.
 */
export function setTheme(theme: Theme) {
  document.cookie = `${THEME_COOKIE}=${theme}; path=/; max-age=31536000; samesite=lax`;
  const still = document.createElement("style");
  still.textContent = "*, *::before, *::after { transition: none !important; }";
  document.head.append(still);
  document.documentElement.dataset.theme = theme;
  // Reading a style makes the browser apply the new colours now, while transitions are off.
  void getComputedStyle(document.body).backgroundColor;
  setTimeout(() => still.remove(), 1);
}
