"use client";

import { Toaster as Sonner } from "sonner";

/** Toasts are a polite live region: screen readers hear the outcome of a ping or a save. */
export function Toaster() {
  return <Sonner position="bottom-right" richColors closeButton />;
}
