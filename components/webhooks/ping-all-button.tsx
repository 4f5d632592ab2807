"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Loader2, SendHorizontal } from "lucide-react";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { useTranslations } from "use-intl";
import { useMe } from "@/components/auth/me-context";
import { Button } from "@/components/ui/button";
import { forEachConcurrently } from "@/lib/utils/concurrently";
import type { PingResult, ProviderId, Webhook } from "@/lib/webhooks/model";
import { usePingWebhook } from "@/lib/webhooks/mutations";
import { webhookQueries, type WebhookList, type WebhookListParams } from "@/lib/webhooks/queries";

/** Pings in flight at once: the provider's own pace, and the console's per-user limits. */
export const PING_ALL_CONCURRENCY = 4;

interface Tally {
  done: number;
  total: number;
  delivered: number;
  failed: number;
  other: number;
}

/**
 * Pings every webhook of the list as it is filtered (the shown page and the pages after it), four at
 * a time. Each result lands in its row's Last ping as it comes (usePingWebhook), a live count says
 * how far it is, and one toast sums it up at the end.
 */
export function PingAllButton({
  provider,
  account,
  list,
  params,
}: {
  provider: ProviderId;
  account: string;
  list: WebhookList;
  params: WebhookListParams;
}) {
  const t = useTranslations("webhooks");
  const queryClient = useQueryClient();
  const ping = usePingWebhook(provider, account, useMe()?.email ?? null);
  const [tally, setTally] = useState<Tally | null>(null);
  const running = tally !== null && tally.done < tally.total;

  const everyWebhook = async (): Promise<Webhook[]> => {
    const all = [...list.data];
    for (let next = list.page.next; next;) {
      const page = await queryClient.fetchQuery(
        webhookQueries.list(provider, account, { ...params, cursor: next }),
      );
      all.push(...page.data);
      next = page.page.next;
    }
    return all;
  };

  const run = async () => {
    if (running) return;
    const webhooks = await everyWebhook().catch((error: Error) => {
      toast.error(t("pingError", { message: error.message }));
      return null;
    });
    if (!webhooks) return;
    const counts: Tally = { done: 0, total: webhooks.length, delivered: 0, failed: 0, other: 0 };
    setTally({ ...counts });
    const count = (outcome: PingResult["outcome"] | "error") => {
      counts.done++;
      if (outcome === "delivered") counts.delivered++;
      else if (outcome === "failed" || outcome === "error") counts.failed++;
      else counts.other++;
      setTally({ ...counts });
    };
    await forEachConcurrently(webhooks, PING_ALL_CONCURRENCY, (webhook) =>
      ping.mutateAsync({ id: webhook.id }).then(
        (result) => count(result.outcome),
        () => count("error"),
      ),
    );
    toast.info(t("pingAllDone", { ...counts }));
  };

  return (
    <div className="flex items-center gap-2">
      <Button
        variant="secondary"
        size="sm"
        disabled={running || list.data.length === 0}
        aria-busy={running}
        onClick={() => void run()}
      >
        {running ? (
          <Loader2 aria-hidden className="size-4 animate-spin" />
        ) : (
          <SendHorizontal aria-hidden className="size-4" />
        )}
        {t("pingAll")}
      </Button>
      <span role="status" className="text-sm text-slate-600 tabular-nums">
        {running ? t("pingAllProgress", { done: tally.done, total: tally.total }) : ""}
      </span>
    </div>
  );
}
