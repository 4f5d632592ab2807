"use client";

import { Toaster as Sonner } from "sonner";
import { useTranslations } from "use-intl";

/**
 * Toasts are a polite live region: screen readers hear the outcome of a ping or a save. Top right,
 * so they never cover the list's action column, where the next ping is clicked.
 */
export function Toaster() {
  const t = useTranslations("common");
  return (
    <Sonner
      position="top-right"
      richColors
      closeButton
      containerAriaLabel={t("notifications")}
      toastOptions={{ closeButtonAriaLabel: t("closeNotification") }}
    />
  );
}
