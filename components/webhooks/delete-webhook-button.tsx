"use client";

import { Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { useTranslations } from "use-intl";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import type { ProviderId, Webhook } from "@/lib/webhooks/model";
import { useDeleteWebhook } from "@/lib/webhooks/mutations";

/** Delete, confirmed in a dialog that names the URL. */
export function DeleteWebhookButton({
  provider,
  account,
  webhook,
  onDeleted,
}: {
  provider: ProviderId;
  account: string;
  webhook: Pick<Webhook, "id" | "url">;
  onDeleted?: () => void;
}) {
  const t = useTranslations("webhooks");
  const [open, setOpen] = useState(false);
  const remove = useDeleteWebhook(provider, account);
  return (
    <>
      <Button
        variant="ghost"
        size="sm"
        className="text-red-700 hover:bg-red-50"
        onClick={() => setOpen(true)}
      >
        <Trash2 aria-hidden className="size-4" />
        {t("delete")}
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={(next) => !remove.isPending && setOpen(next)}
        title={t("deleteTitle")}
        description={t("deleteDescription", { url: webhook.url })}
        confirmLabel={remove.isPending ? t("deleting") : t("delete")}
        cancelLabel={t("cancel")}
        pending={remove.isPending}
        onConfirm={() =>
          remove.mutate(webhook, {
            onSuccess: () => {
              setOpen(false);
              toast.success(t("deleted"));
              onDeleted?.();
            },
            onError: (error) => toast.error(t("deleteFailed", { message: error.message })),
          })
        }
      />
    </>
  );
}
