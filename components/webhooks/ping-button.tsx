"use client";

import { Loader2, Send } from "lucide-react";
import { toast } from "sonner";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import type { PingResult, ProviderId } from "@/lib/webhooks/model";
import { usePingWebhook } from "@/lib/webhooks/mutations";
import { useSingleFlight } from "./use-single-flight";

/** The toast for a ping's outcome, as DESIGN.md words it. */
export function usePingToast() {
  const t = useTranslations("webhooks");
  return (result: PingResult) => {
    const description =
      result.latencyMs !== null
        ? t("pingLatency", { ms: Math.round(result.latencyMs) })
        : undefined;
    if (result.outcome === "delivered") {
      toast.success(t("pingDelivered", { status: result.httpStatus ?? 0 }), { description });
    } else if (result.outcome === "failed") {
      toast.error(
        result.httpStatus !== null
          ? t("pingFailed", { status: result.httpStatus })
          : t("pingFailedNoStatus", { message: result.message }),
        { description },
      );
    } else {
      toast.info(t("pingSent"), { description: result.message });
    }
  };
}

/** One click sends a test ping; the button shows progress and cannot be pressed twice. */
export function PingButton({
  provider,
  account,
  id,
}: {
  provider: ProviderId;
  account: string;
  id: string;
}) {
  const t = useTranslations("webhooks");
  const ping = usePingWebhook(provider, account);
  const flight = useSingleFlight();
  const showResult = usePingToast();
  const pending = flight.busy || ping.isPending;
  return (
    <Button
      variant="secondary"
      size="sm"
      disabled={pending}
      aria-busy={pending}
      onClick={() =>
        void flight.run(() =>
          ping
            .mutateAsync({ id })
            .then(showResult, (error: Error) =>
              toast.error(t("pingError", { message: error.message })),
            ),
        )
      }
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
