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
  const run = async (task: () => Promise<unknown>) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      await task();
    } finally {
      running.current = false;
      setBusy(false);
    }
  };
  return { busy, run };
}
