"use client";

import { Loader2, Send } from "lucide-react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import type { ProviderId } from "@/lib/webhooks/model";
import { useSendPing, type PingTarget } from "./use-send-ping";

/** One click sends a test ping; the button shows progress and cannot be pressed twice. */
export function PingButton({
  provider,
  account,
  webhook,
}: {
  provider: ProviderId;
  account: string;
  webhook: PingTarget;
}) {
  const t = useTranslations("webhooks");
  const { send, pending } = useSendPing(provider, account);
  return (
    <Button
      variant="secondary"
      size="sm"
      className="shrink-0 whitespace-nowrap"
      disabled={pending}
      aria-busy={pending}
      onClick={() => void send(webhook)}
    >
      {pending ? (
        <Loader2 aria-hidden className="size-4 animate-spin" />
      ) : (
        <Send aria-hidden className="size-4" />
      )}
      {t("ping")}
    </Button>
  );
}
