import { describe, expect, it } from "vitest";
import { makePingSummary } from "@/lib/testing/render";
import type { Webhook } from "./model";
import { withLastPing } from "./mutations";
import type { WebhookList } from "./queries";

const ping = makePingSummary();

const page = (ids: string[], lastPings: WebhookList["lastPings"] = {}): WebhookList => ({
  data: ids.map((id) => ({ id }) as Webhook),
  page: { next: null, previous: null, hasMore: false },
  quota: { used: ids.length, max: 10 },
  lastPings,
  eventTotal: 66,
});

describe("a returned ping in the cached list", () => {
  it("replaces the Last ping of the pinged webhook and keeps the others'", () => {
    const older = { ...ping, outcome: "failed" as const, at: "2026-05-04T11:00:00.000Z" };
    const list = page(["wh_1", "wh_2"], { wh_1: older, wh_2: older });
    expect(withLastPing(list, "wh_1", ping)?.lastPings).toEqual({ wh_1: ping, wh_2: older });
  });

  it("leaves a page that does not show the webhook untouched", () => {
    const list = page(["wh_3"]);
    expect(withLastPing(list, "wh_1", ping)).toBe(list);
    expect(withLastPing(undefined, "wh_1", ping)).toBeUndefined();
  });
});
