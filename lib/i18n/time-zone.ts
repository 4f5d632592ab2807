"use client";

import { useSyncExternalStore } from "react";

/** The browser's time zone (e.g. Asia/Kolkata), from its own settings. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const subscribe = () => () => undefined;

/**
 * The time zone the console shows dates in and reads date filters in: the browser's. The server
 * cannot know it, so the first HTML is in UTC and the page switches right after hydration (without
 * a hydration mismatch).
 */
export function useBrowserTimeZone(): string {
  return useSyncExternalStore(subscribe, browserTimeZone, () => "UTC");
}
