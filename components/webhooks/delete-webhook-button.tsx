"use client";

import { Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { useTranslations } from "use-intl";
import { ConfirmDialog, preloadConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import type { ProviderId, Webhook } from "@/lib/webhooks/model";
import { useDeleteWebhook } from "@/lib/webhooks/mutations";
import { useSingleFlight } from "./use-single-flight";

/** Delete, confirmed in a dialog that names the URL. */
export function DeleteWebhookButton({
  provider,
  account,
  webhook,
  onDeleted,
  compact = false,
}: {
  provider: ProviderId;
  account: string;
  webhook: Pick<Webhook, "id" | "url">;
  onDeleted?: () => void;
  /** An icon-sized button (a list row), still named "Delete". */
  compact?: boolean;
}) {
  const t = useTranslations("webhooks");
  const [open, setOpen] = useState(false);
  const remove = useDeleteWebhook(provider, account);
  const flight = useSingleFlight();
  const pending = flight.busy || remove.isPending;
  return (
    <>
      <Button
        variant="ghost"
        size={compact ? "icon" : "sm"}
        className="text-red-700 hover:bg-red-50"
        aria-label={compact ? t("delete") : undefined}
        title={compact ? t("delete") : undefined}
        // The dialog's code loads on intent; a click that beats it opens the dialog when it is here.
        onPointerEnter={preloadConfirmDialog}
        onFocus={preloadConfirmDialog}
        onClick={() => setOpen(true)}
      >
        <Trash2 aria-hidden className="size-4" />
        {!compact && t("delete")}
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={(next) => !pending && setOpen(next)}
        title={t("deleteTitle")}
        description={t("deleteDescription", { url: webhook.url })}
        confirmLabel={pending ? t("deleting") : t("delete")}
        cancelLabel={t("cancel")}
        pending={pending}
        onConfirm={() =>
          void flight.run(() =>
            remove.mutateAsync(webhook).then(
              () => {
                setOpen(false);
                toast.success(t("deleted"));
                onDeleted?.();
              },
              (error: Error) => toast.error(t("deleteFailed", { message: error.message })),
            ),
          )
        }
      />
    </>
  );
}
