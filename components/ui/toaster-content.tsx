"use client";

import { Toaster as Sonner } from "sonner";
import { useTranslations } from "use-intl";
import { useTheme } from "@/lib/theme/use-theme";

/**
 * The toaster itself (Sonner), loaded on demand by ./toaster.tsx. Toasts are a polite live region: screen readers hear the outcome of a ping or a save. Top right,
 * so they never cover the list's action column, where the next ping is clicked. They follow the
 * theme (Sonner resolves "system" itself).
 */
export function ToasterContent() {
  const t = useTranslations("common");
  const theme = useTheme();
  return (
    <Sonner
      position="top-right"
      theme={theme}
      richColors
      closeButton
      containerAriaLabel={t("notifications")}
      toastOptions={{ closeButtonAriaLabel: t("closeNotification") }}
    />
  );
}
