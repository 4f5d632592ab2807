import { asc, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import type { Actor, SessionUser } from "@/lib/auth/session";
import { openDatabase } from "@/lib/db/client";
import { engines, withTestDatabase } from "@/lib/db/testing";
import { auditLog } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { createDatabase } from "@/lib/testing/postgres-server";
import { audited, beginAudit, recordAudit, recordAuditOn } from "./record";
import { verifyAuditChain } from "./verify";

const user: SessionUser = {
  id: "u1",
  email: "support@example.test",
  name: "Support",
  role: "support",
  accounts: "all",
};
const actor: Actor = { user, requestId: "req-1", ip: "203.0.113.9", userAgent: "vitest" };
const webhook = {
  id: "wh_1",
  provider: "razorpay",
  account: "acc_Ha6Vb2QzPQ9x1K",
  url: "https://bob:hunter2@hooks.example.com/in",
  events: ["payment.captured"],
  active: true,
  hasSecret: true,
};

describe.each(engines)("the audit log on %s", (engine) => {
  const db = withTestDatabase(engine);
  const rows = () => db().select().from(auditLog).orderBy(asc(auditLog.seq));

  it("writes a pending entry before the work and seals its outcome after", async () => {
    const entry = await beginAudit({
      actor,
      action: "webhook.update",
      provider: "razorpay",
      account: webhook.account,
      webhookId: webhook.id,
      before: webhook,
    });
    const [pending] = await db()
      .select()
      .from(auditLog)
      .where(sql`seq = ${entry.seq}`);
    expect(pending).toMatchObject({ outcome: "pending", completedAt: null, after: null });
    await entry.complete("ok", { ...webhook, events: ["refund.created"] });
    const [done] = await db()
      .select()
      .from(auditLog)
      .where(sql`seq = ${entry.seq}`);
    expect(done).toMatchObject({
      outcome: "ok",
      userId: "u1",
      userEmail: "support@example.test",
      role: "support",
      requestId: "req-1",
      ip: "203.0.113.9",
      userAgent: "vitest",
      after: { events: ["refund.created"] },
    });
    expect(done?.completedAt).toBeInstanceOf(Date);
    expect(await verifyAuditChain(db())).toEqual({ ok: true, entries: 1 });
  });

  it("records the error code of failed work, rethrows it, and keeps what was asked for", async () => {
    const failure = AppError.of("conflict", "internal");
    await expect(
      audited(
        {
          actor,
          action: "webhook.create",
          provider: "conekta",
          account: "default",
          after: { url: "https://x.example" },
        },
        () => Promise.reject(failure),
      ),
    ).rejects.toBe(failure);
    const result = await audited(
      { actor, action: "webhook.delete", provider: "conekta", account: "default", webhookId: "w9" },
      () => Promise.resolve("done"),
    );
    expect(result).toBe("done");
    const [failed, deleted] = (await rows()).slice(-2);
    expect(failed).toMatchObject({ outcome: "conflict", after: { url: "https://x.example" } });
    expect(deleted).toMatchObject({ outcome: "ok", webhookId: "w9", after: null });
  });

  it("keeps a chain of several entries, and of 20 written at once, that verifies", async () => {
    await recordAudit({
      actor: { ...actor, user: null },
      email: "who@example.test",
      action: "auth.sign_in_failed",
      outcome: "unauthorized",
    });
    await recordAudit({ actor, action: "auth.sign_in", outcome: "ok" });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        recordAudit({ actor, action: "user.update", outcome: "ok", after: { n: i } }),
      ),
    );
    const all = await rows();
    expect(all.length).toBeGreaterThanOrEqual(24);
    for (let i = 1; i < all.length; i++) expect(all[i]?.prevHash).toBe(all[i - 1]?.hash);
    expect(await verifyAuditChain(db())).toEqual({ ok: true, entries: all.length });
    expect(all.find((r) => r.action === "auth.sign_in_failed")).toMatchObject({
      userId: null,
      userEmail: "who@example.test",
      role: null,
    });
  });

  it("never stores a secret, and masks URL credentials", async () => {
    await recordAudit({
      actor,
      action: "webhook.create",
      outcome: "ok",
      before: {
        secret: "whsec_before_123",
        nested: [{ password: "p4ssw0rd-xyz", apiKey: "k-abc-123" }],
      },
      after: { ...webhook, secret: "whsec_after_456", token: "tok_789xyz" },
    });
    const text = JSON.stringify(await rows());
    for (const secret of [
      "whsec_before_123",
      "p4ssw0rd-xyz",
      "k-abc-123",
      "whsec_after_456",
      "tok_789xyz",
      "hunter2",
    ])
      expect(text).not.toContain(secret);
    expect(text).toContain("https://****:****@hooks.example.com/in");
    expect(text).toContain('"hasSecret":true');
  });

  it("keeps an entry whose text jsonb would refuse (NUL, half a surrogate pair), replaced", async () => {
    await recordAudit({
      actor,
      action: "webhook.update",
      outcome: "ok",
      before: { url: "https://x.example/a\u0000b", name: "bad \ud800 half" },
    });
    const last = (await rows()).at(-1);
    expect(last?.before).toEqual({ url: "https://x.example/a\uFFFDb", name: "bad \uFFFD half" });
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
  });
});

describe("two console instances on one PostgreSQL server", () => {
  it("write one chain that verifies, however their writes interleave", async () => {
    const name = `test_${randomUUID().replaceAll("-", "").slice(0, 20)}`;
    const url = await createDatabase(inject("postgresUrl"), name);
    // Each instance has its own connection pool, as two processes would.
    const [a, b] = await Promise.all([
      openDatabase({ kind: "server", url }),
      openDatabase({ kind: "server", url }),
    ]);
    try {
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          recordAuditOn(i % 2 ? a.db : b.db, {
            actor: { ...actor, requestId: `instance-${i % 2 ? "a" : "b"}-${i}` },
            action: "webhook.ping",
            outcome: "ok",
          }),
        ),
      );
      expect(await verifyAuditChain(a.db)).toEqual({ ok: true, entries: 40 });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
