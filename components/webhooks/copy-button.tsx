"use client";

import { Copy } from "lucide-react";
import { toast } from "@/components/ui/toast";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";

/**
 * Puts text on the clipboard. `navigator.clipboard` exists only in secure contexts, so a console
 * served over plain http falls back to copying a selected, hidden textarea. Resolves to whether
 * either worked.
 */
export async function copyText(value: string): Promise<boolean> {
  if (typeof navigator !== "undefined" && navigator.clipboard) {
    try {
      await navigator.clipboard.writeText(value);
      return true;
    } catch {
      // Refused (no permission, page not focused): the older way may still work.
    }
  }
  const area = document.createElement("textarea");
  area.value = value;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  try {
    area.select();
    return typeof document.execCommand === "function" && document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

export function CopyButton({ value, label }: { value: string; label: string }) {
  const t = useTranslations("webhooks");
  return (
    <Button
      variant="ghost"
      size="icon"
      aria-label={label}
      title={label}
      onClick={() =>
        void copyText(value).then((copied) =>
          copied ? toast.success(t("copied")) : toast.error(t("copyFailed")),
        )
      }
    >
      <Copy aria-hidden className="size-4" />
    </Button>
  );
}
