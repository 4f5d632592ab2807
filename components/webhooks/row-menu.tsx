"use client";

import { Hash, KeyRound, MoreHorizontal, Power, PowerOff } from "lucide-react";
import { useRef, useState } from "react";
import { toast } from "@/components/ui/toast";
import { useTranslations } from "use-intl";
import { useCan } from "@/components/auth/me-context";
import { ConfirmDialog, preloadConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { preloadDialog } from "@/components/ui/dialog";
import { DropdownMenu, DropdownMenuItem } from "@/components/ui/dropdown-menu";
import { getDescriptor } from "@/lib/providers/catalogue";
import type { ProviderId, Webhook } from "@/lib/webhooks/model";
import { useUpdateWebhook } from "@/lib/webhooks/mutations";
import { copyText } from "./copy-button";
import { SignedPingDialog } from "./signed-ping-dialog";

/**
 * A row's less frequent actions behind "More actions": copy the id, ping with a signature and
 * disable or enable, as the provider allows. Dialogs opened from here give focus back to the
 * menu's button when they close.
 */
export function RowMenu({
  provider,
  account,
  webhook,
}: {
  provider: ProviderId;
  account: string;
  webhook: Webhook;
}) {
  const t = useTranslations("webhooks");
  const tForm = useTranslations("form");
  const button = useRef<HTMLButtonElement>(null);
  const [dialog, setDialog] = useState<"signedPing" | "disable" | null>(null);
  const { signedPing, enableDisable } = getDescriptor(provider).capabilities;
  const mayPing = useCan("webhooks:ping") && signedPing;
  const mayToggle = useCan("webhooks:write") && enableDisable && webhook.active !== null;
  const update = useUpdateWebhook(provider, account, webhook.id);

  const setActive = (active: boolean) =>
    update.mutateAsync({ active }).then(
      () => {
        setDialog(null);
        toast.success(active ? t("enabledDone") : t("disabledDone"));
      },
      (error: Error) => toast.error(t("toggleFailed", { message: error.message })),
    );

  return (
    <>
      <DropdownMenu
        trigger={
          <Button
            ref={button}
            variant="ghost"
            size="icon"
            aria-label={t("moreActions")}
            title={t("moreActions")}
          >
            <MoreHorizontal aria-hidden className="size-4" />
          </Button>
        }
      >
        <DropdownMenuItem
          onSelect={() =>
            void copyText(webhook.id).then((copied) =>
              copied ? toast.success(t("copied")) : toast.error(t("copyFailed")),
            )
          }
        >
          <Hash aria-hidden className="size-4" />
          {t("copyId")}
        </DropdownMenuItem>
        {mayPing && (
          <DropdownMenuItem
            onFocus={preloadDialog}
            onPointerEnter={preloadDialog}
            onSelect={() => setDialog("signedPing")}
          >
            <KeyRound aria-hidden className="size-4" />
            {t("signedPing")}
          </DropdownMenuItem>
        )}
        {mayToggle &&
          (webhook.active ? (
            <DropdownMenuItem
              onFocus={preloadConfirmDialog}
              onPointerEnter={preloadConfirmDialog}
              onSelect={() => setDialog("disable")}
            >
              <PowerOff aria-hidden className="size-4" />
              {t("disable")}
            </DropdownMenuItem>
          ) : (
            <DropdownMenuItem disabled={update.isPending} onSelect={() => void setActive(true)}>
              <Power aria-hidden className="size-4" />
              {t("enable")}
            </DropdownMenuItem>
          ))}
      </DropdownMenu>
      {mayPing && (
        <SignedPingDialog
          provider={provider}
          account={account}
          webhook={webhook}
          open={dialog === "signedPing"}
          setOpen={(open) => setDialog(open ? "signedPing" : null)}
          returnFocusTo={button}
        />
      )}
      {mayToggle && (
        <ConfirmDialog
          open={dialog === "disable"}
          onOpenChange={(open) => !update.isPending && setDialog(open ? "disable" : null)}
          title={tForm("disableTitle")}
          description={tForm("disableDescription", { url: webhook.url })}
          confirmLabel={tForm("disable")}
          cancelLabel={t("cancel")}
          pending={update.isPending}
          returnFocusTo={button}
          onConfirm={() => void setActive(false)}
        />
      )}
    </>
  );
}
