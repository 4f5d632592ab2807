"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

/**
 * False while the page is the server's HTML without its code (the first render, and hydration),
 * true from then on; true at once in anything rendered in the browser after that.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

/**
 * `aria-disabled` for a control that only works with the page's code: "true" until the page is
 * hydrated, then whatever the control says. A press on a server-rendered button before hydration
 * does nothing at all (no handler is attached yet), so the control says it is unavailable until it
 * works, and scripts that wait for an enabled control (Playwright's actionability checks) wait for
 * it. No styling goes with it: the moment is too short to grey every button for.
 */
export function useAriaDisabledUntilHydrated(
  own: boolean | "true" | "false" | undefined,
): boolean | "true" | "false" | undefined {
  return useHydrated() ? own : true;
}
