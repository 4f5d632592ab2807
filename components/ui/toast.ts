"use client";

import type { ExternalToast } from "sonner";
import { onDemand } from "./on-demand";

/**
 * Toasts without Sonner in the page's first load: a toast loads Sonner (and mounts the toaster,
 * ./toaster.tsx) the first time one is shown, then shows itself. Same calls as Sonner's `toast`.
 */
const sonner = onDemand(() => import("sonner"));

let toasterWanted = false;
const listeners = new Set<() => void>();

/** Asks the page's Toaster to load and mount (a first toast, or the browser being idle). */
export function wantToaster(): void {
  if (toasterWanted) return;
  toasterWanted = true;
  for (const listener of listeners) listener();
}

/** For the Toaster (useSyncExternalStore): a way to hear that it is asked for, and whether it is. */
export function subscribeToToasterRequest(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export const isToasterWanted = (): boolean => toasterWanted;

type Kind = "success" | "error" | "info";

function show(kind: Kind, message: string, data?: ExternalToast): void {
  wantToaster();
  // Sonner keeps toasts made before its Toaster subscribed and hands them over when it does.
  void sonner.load().then(({ toast }) => toast[kind](message, data));
}

export const toast = {
  success: (message: string, data?: ExternalToast) => show("success", message, data),
  error: (message: string, data?: ExternalToast) => show("error", message, data),
  info: (message: string, data?: ExternalToast) => show("info", message, data),
};
