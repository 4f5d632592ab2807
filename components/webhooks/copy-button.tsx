"use client";

import { Copy } from "lucide-react";
import { toast } from "sonner";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";

export function CopyButton({ value, label }: { value: string; label: string }) {
  const t = useTranslations("webhooks");
  return (
    <Button
      variant="ghost"
      size="icon"
      aria-label={label}
      title={label}
      onClick={() =>
        navigator.clipboard.writeText(value).then(
          () => toast.success(t("copied")),
          () => toast.error(t("copyFailed")),
        )
      }
    >
      <Copy aria-hidden className="size-4" />
    </Button>
  );
}
