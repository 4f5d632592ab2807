"use client";

import { Badge } from "@/components/ui/badge";
import type { PingSummaryOutcome } from "@/lib/webhooks/model";
import { usePingText } from "./use-ping-text";

const toneOf = {
  delivered: "success",
  failed: "danger",
  sent: "info",
  error: "warning",
} as const satisfies Record<PingSummaryOutcome, string>;

/** Delivered / Failed / Sent / Error, as a badge. */
export function PingOutcomeBadge({ outcome }: { outcome: PingSummaryOutcome }) {
  const text = usePingText();
  return <Badge tone={toneOf[outcome]}>{text.outcome(outcome)}</Badge>;
}
