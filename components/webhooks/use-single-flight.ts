"use client";

import { useRef, useState } from "react";

/**
 * Runs one task at a time, for buttons that must not be pressed twice. A mutation's `isPending`
 * reaches the component only after TanStack Query's notification tick (a timer), so a quick double
 * click would start a second request before the button is disabled; this guard is set at once.
 */
export function useSingleFlight() {
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  /** Runs `task` unless one is running; resolves to its result, or undefined when skipped. */
  const run = async <T>(task: () => Promise<T>): Promise<T | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    try {
      return await task();
    } finally {
      running.current = false;
      setBusy(false);
    }
  };
  return { busy, run };
}
