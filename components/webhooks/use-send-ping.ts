"use client";

import { toast } from "sonner";
import { useTranslations } from "use-intl";
import { useMe } from "@/components/auth/me-context";
import type { PingResult, ProviderId } from "@/lib/webhooks/model";
import { usePingWebhook } from "@/lib/webhooks/mutations";
import { usePingText } from "./use-ping-text";
import { useSingleFlight } from "./use-single-flight";

/** The toast for a ping's outcome, as DESIGN.md words it, with the message from its code. */
function usePingToast() {
  const t = useTranslations("webhooks");
  const text = usePingText();
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
          : t("pingFailedNoStatus", { message: text.message(result) }),
        { description },
      );
    } else {
      toast.info(t("pingSent"), { description: text.message(result) });
    }
  };
}

/**
 * Sends a ping (signed when a secret is given) and tells the user what happened in a toast. One
 * ping at a time: `pending` is set at once, so a double click cannot send two. Resolves to whether
 * the console got an answer (any outcome) rather than an error.
 */
export function useSendPing(provider: ProviderId, account: string) {
  const t = useTranslations("webhooks");
  const ping = usePingWebhook(provider, account, useMe()?.email ?? null);
  const flight = useSingleFlight();
  const showResult = usePingToast();
  const send = async (id: string, secret?: string): Promise<boolean> => {
    const answered = await flight.run(() =>
      ping.mutateAsync({ id, secret }).then(
        (result) => {
          showResult(result);
          return true;
        },
        (error: Error) => {
          toast.error(t("pingError", { message: error.message }));
          return false;
        },
      ),
    );
    return answered === true;
  };
  return { send, pending: flight.busy || ping.isPending };
}
