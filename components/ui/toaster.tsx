"use client";

import { useEffect, useSyncExternalStore } from "react";
import { onDemand, useOnDemand } from "./on-demand";
import { isToasterWanted, subscribeToToasterRequest, wantToaster } from "./toast";

const content = onDemand(() => import("./toaster-content"));

/**
 * Where toasts appear. Sonner is not part of the page's first load: it loads for the first toast
 * (./toast.ts), or once the browser is idle after the page loaded, whichever comes first. The
 * idle load is for screen readers: a live region that exists before its first message is read out
 * more reliably than one that arrives with it.
 */
export function Toaster() {
  const wanted = useSyncExternalStore(subscribeToToasterRequest, isToasterWanted, () => false);
  useEffect(() => {
    if (typeof window.requestIdleCallback === "function") {
      const id = window.requestIdleCallback(wantToaster, { timeout: 5_000 });
      return () => window.cancelIdleCallback(id);
    }
    const timer = setTimeout(wantToaster, 2_000);
    return () => clearTimeout(timer);
  }, []);
  const loaded = useOnDemand(content, wanted);
  return loaded ? <loaded.ToasterContent /> : null;
}
