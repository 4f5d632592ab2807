import { describe, expect, it } from "vitest";
import { CONEKTA_EVENTS, groupByPrefix } from "./events";

describe("Conekta event catalogue", () => {
  it("offers the 67 names of the spec's mock data, once each", () => {
    expect(CONEKTA_EVENTS).toHaveLength(67);
    expect(new Set(CONEKTA_EVENTS).size).toBe(67);
  });

  it("groups by the first segment, keeping the catalogue's order", () => {
    const groups = groupByPrefix(CONEKTA_EVENTS);
    expect(groups.map((g) => g.id)).toEqual([
      "charge",
      "customer",
      "webhook",
      "payout",
      "plan",
      "subscription",
      "payee",
      "receipt",
      "order",
      "cashout",
      "cash_refund",
      "webhook_ping",
    ]);
    // Nothing lost, nothing reordered: flattening the groups gives the catalogue back.
    expect(groups.flatMap((g) => g.events)).toEqual([...CONEKTA_EVENTS]);
    expect(groups.reduce((n, g) => n + g.events.length, 0)).toBe(67);
  });

  it("puts three-part names under their first segment", () => {
    const charge = groupByPrefix(CONEKTA_EVENTS).find((g) => g.id === "charge");
    expect(charge?.events).toContain("charge.chargeback.created");
    expect(charge?.events).toHaveLength(17);
    expect(groupByPrefix(CONEKTA_EVENTS).some((g) => g.id === "charge.chargeback")).toBe(false);
  });

  it("keeps webhook_ping (underscore) in its own group, apart from webhook.*", () => {
    const groups = groupByPrefix(CONEKTA_EVENTS);
    expect(groups.find((g) => g.id === "webhook_ping")?.events).toEqual(["webhook_ping"]);
    expect(groups.find((g) => g.id === "webhook")?.events).toEqual([
      "webhook.created",
      "webhook.updated",
      "webhook.deleted",
    ]);
  });

  it("orders groups by first appearance, even when names interleave", () => {
    expect(groupByPrefix(["b.x", "a.y", "b.z", "c"])).toEqual([
      { id: "b", events: ["b.x", "b.z"] },
      { id: "a", events: ["a.y"] },
      { id: "c", events: ["c"] },
    ]);
  });
});
