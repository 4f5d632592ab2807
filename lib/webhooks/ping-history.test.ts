import { describe, expect, it } from "vitest";
import { engines, withTestDatabase } from "@/lib/db/testing";
import { AppError } from "@/lib/http/errors";
import type { PingReport } from "./model";
import { lastPings, pingHistory, recordPing, sendAndRecordPing } from "./ping-history";

const user = { id: "u1", email: "ana@example.test" };
const actor = {
  user: { ...user, name: "Ana", role: "support" as const, accounts: "all" as const },
  requestId: "r",
  ip: null,
  userAgent: null,
};

function report(at: string, status = 200): PingReport {
  return {
    outcome: status < 300 ? "delivered" : "failed",
    httpStatus: status,
    latencyMs: 41.6,
    messageCode: status < 300 ? "delivered" : "failed_status",
    messageValues: { status },
    at,
  };
}

describe.each(engines)("ping history on %s", (engine) => {
  withTestDatabase(engine);
  const where = { provider: "razorpay", account: "acc_A" } as const;

  it("a ping shows in the very next list of last pings, though the list before it was cached", async () => {
    const ids = ["wh_next_a", "wh_next_b"];
    expect(await lastPings(where.provider, where.account, ids)).toEqual({});
    // Read again once the cache trusts its database's invalidations: now both are kept as unpinged.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await lastPings(where.provider, where.account, ids)).toEqual({});
    expect(await lastPings(where.provider, where.account, ids)).toEqual({});
    const stored = await recordPing({
      ...where,
      webhookId: "wh_next_b",
      user,
      ...report("2026-03-02T10:00:00.000Z"),
    });
    expect(await lastPings(where.provider, where.account, ids)).toEqual({ wh_next_b: stored });
    const newer = await recordPing({
      ...where,
      webhookId: "wh_next_b",
      user,
      ...report("2026-03-02T10:00:01.000Z", 500),
    });
    expect(await lastPings(where.provider, where.account, ids)).toEqual({ wh_next_b: newer });
  });

  it("stores a ping with who sent it and gives it back as a summary", async () => {
    const stored = await recordPing({
      ...where,
      webhookId: "wh_store",
      user,
      ...report("2026-03-01T10:00:00.123Z"),
      responseExcerpt: '{"received":true}',
    });
    expect(stored).toEqual({
      outcome: "delivered",
      httpStatus: 200,
      latencyMs: 42,
      messageCode: "delivered",
      messageValues: { status: 200 },
      responseExcerpt: '{"received":true}',
      at: "2026-03-01T10:00:00.123Z",
      by: "ana@example.test",
    });
    expect(await pingHistory(where.provider, where.account, "wh_store")).toEqual([stored]);
  });

  it("gives the newest ping of each webhook asked for, and none for a webhook never pinged", async () => {
    const ping = (webhookId: string, at: string, status?: number) =>
      recordPing({ ...where, webhookId, user, ...report(at, status) });
    await ping("wh_a", "2026-03-01T10:00:00.000Z", 500);
    await ping("wh_a", "2026-03-01T10:05:00.000Z", 200);
    await ping("wh_a", "2026-03-01T10:01:00.000Z", 502);
    await ping("wh_b", "2026-03-01T09:00:00.000Z", 404);
    // Same webhook id under another account and another provider: not this list's.
    await recordPing({
      ...where,
      account: "acc_B",
      webhookId: "wh_b",
      user,
      ...report("2026-03-02T00:00:00.000Z"),
    });
    await recordPing({
      provider: "conekta",
      account: "acc_A",
      webhookId: "wh_b",
      user,
      ...report("2026-03-02T00:00:00.000Z"),
    });

    const last = await lastPings(where.provider, where.account, ["wh_a", "wh_b", "wh_never"]);
    expect(Object.keys(last).sort()).toEqual(["wh_a", "wh_b"]);
    expect(last.wh_a).toMatchObject({ httpStatus: 200, at: "2026-03-01T10:05:00.000Z" });
    expect(last.wh_b).toMatchObject({ outcome: "failed", httpStatus: 404 });
    expect(await lastPings(where.provider, where.account, [])).toEqual({});
  });

  it("keeps the last 20 pings of a webhook, newest first", async () => {
    for (let i = 0; i < 25; i++) {
      const at = new Date(Date.UTC(2026, 3, 1, 12, 0, i)).toISOString();
      await recordPing({ ...where, webhookId: "wh_many", user, ...report(at, 200 + i) });
    }
    const history = await pingHistory(where.provider, where.account, "wh_many");
    expect(history).toHaveLength(20);
    expect(history.map((p) => p.httpStatus)).toEqual(Array.from({ length: 20 }, (_, i) => 224 - i));
  });

  it("stores a ping that failed with an error as outcome error with the reason's code, and rethrows", async () => {
    const refused = AppError.of("bad_request", "pingRefusedPrivate");
    const error = await sendAndRecordPing({ ...where, webhookId: "wh_err", actor }, () =>
      Promise.reject(refused),
    ).catch((e: unknown) => e);
    expect(error).toBe(refused);
    await sendAndRecordPing({ ...where, webhookId: "wh_err", actor }, () =>
      Promise.reject(AppError.of("provider_timeout", "internal")),
    ).catch(() => undefined);
    const history = await pingHistory(where.provider, where.account, "wh_err");
    expect(history.map((p) => [p.outcome, p.messageCode, p.httpStatus])).toEqual([
      ["error", "provider_timeout", null],
      ["error", "refused_private", null],
    ]);
    expect(history[0]?.by).toBe("ana@example.test");
  });

  it("leaves no row for a webhook the provider does not know", async () => {
    await sendAndRecordPing({ ...where, webhookId: "wh_gone", actor }, () =>
      Promise.reject(AppError.of("not_found", "internal")),
    ).catch(() => undefined);
    expect(await pingHistory(where.provider, where.account, "wh_gone")).toEqual([]);
  });
});
