"use client";

import { toast } from "@/components/ui/toast";
import { useTranslations } from "use-intl";
import { useMe } from "@/components/auth/me-context";
import type { PingResult, ProviderId, Webhook } from "@/lib/webhooks/model";
import { usePingWebhook } from "@/lib/webhooks/mutations";
import { usePingText } from "./use-ping-text";
import { useSingleFlight } from "./use-single-flight";

export type PingTarget = Pick<Webhook, "id" | "url">;

/** Where a ping went, as a person tells webhooks apart: host and path, never the credentials. */
export function pingTargetName(url: string): string {
  try {
    const { host, pathname } = new URL(url);
    return pathname === "/" ? host : `${host}${pathname}`;
  } catch {
    return url;
  }
}

/**
 * The toast for a ping's outcome, as DESIGN.md words it ("Ping delivered (HTTP 200)"), with the
 * webhook it went to and the latency below, so that toasts from several rows are told apart.
 */
function usePingToast() {
  const t = useTranslations("webhooks");
  const text = usePingText();
  return (webhook: PingTarget, result: PingResult) => {
    const where = pingTargetName(webhook.url);
    const detail =
      result.outcome === "sent"
        ? text.message(result)
        : result.latencyMs !== null
          ? t("pingLatency", { ms: Math.round(result.latencyMs) })
          : null;
    const description = detail ? `${where} · ${detail}` : where;
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
      toast.info(t("pingSent"), { description });
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
  const send = async (webhook: PingTarget, secret?: string): Promise<boolean> => {
    const answered = await flight.run(() =>
      ping.mutateAsync({ id: webhook.id, secret }).then(
        (result) => {
          showResult(webhook, result);
          return true;
        },
        (error: Error) => {
          toast.error(t("pingError", { message: error.message }), {
            description: pingTargetName(webhook.url),
          });
          return false;
        },
      ),
    );
    return answered === true;
  };
  return { send, pending: flight.busy || ping.isPending };
}
