"use client";

import { useState, type RefObject } from "react";
import { useTranslations } from "use-intl";
import { Button, buttonVariants } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import type { ProviderId } from "@/lib/webhooks/model";
import { useSendPing, type PingTarget } from "./use-send-ping";

/**
 * "Ping with signature" (Razorpay), opened from a row's menu: asks for the webhook's secret and
 * sends a ping signed with it. The secret signs this one ping only; the console never stores or
 * logs it.
 */
export function SignedPingDialog({
  provider,
  account,
  webhook,
  open,
  setOpen,
  returnFocusTo,
}: {
  provider: ProviderId;
  account: string;
  webhook: PingTarget;
  open: boolean;
  setOpen: (open: boolean) => void;
  returnFocusTo: RefObject<HTMLElement | null>;
}) {
  const { id } = webhook;
  const t = useTranslations("webhooks");
  const [secret, setSecret] = useState("");
  const { send, pending } = useSendPing(provider, account);
  const close = (next: boolean) => {
    if (pending) return;
    setOpen(next);
    if (!next) setSecret("");
  };

  return (
    <Dialog
      open={open}
      onOpenChange={close}
      title={t("signedPingTitle")}
      description={t("signedPingDescription")}
      returnFocusTo={returnFocusTo}
    >
      <form
        method="post"
        className="mt-4 space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (!secret) return;
          // A quick second Enter must not send a second ping: the guard is set at once.
          void send(webhook, secret).then((answered) => {
            if (!answered) return;
            setOpen(false);
            setSecret("");
          });
        }}
      >
        <div className="space-y-1">
          <label htmlFor={`secret-${id}`} className="block text-sm font-medium">
            {t("webhookSecret")}
          </label>
          <Input
            id={`secret-${id}`}
            type="password"
            autoComplete="off"
            required
            value={secret}
            onChange={(event) => setSecret(event.target.value)}
          />
        </div>
        <div className="flex justify-end gap-2">
          <DialogClose className={buttonVariants({ variant: "secondary" })} disabled={pending}>
            {t("cancel")}
          </DialogClose>
          <Button type="submit" disabled={!secret || pending} aria-busy={pending}>
            {pending ? t("pinging") : t("sendSignedPing")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
