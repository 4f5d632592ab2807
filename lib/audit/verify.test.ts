import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { auditLog } from "@/lib/db/schema";
import { engines, withTestDatabase } from "@/lib/db/testing";
import { beginAudit, recordAudit } from "./record";
import { verifyAuditChain } from "./verify";

const actor: Actor = {
  user: { id: "u1", email: "admin@example.test", name: "A", role: "admin", accounts: "all" },
  requestId: "req",
  ip: null,
  userAgent: null,
};

/** The text of a database error, which drizzle may wrap (the driver's error is the cause). */
async function refusal(query: Promise<unknown>): Promise<string> {
  const error: unknown = await query.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error("the statement was not refused");
  return [error.message, error.cause instanceof Error ? error.cause.message : ""].join(" ");
}

describe.each(engines)("the append-only, hash-chained audit log on %s", (engine) => {
  const db = withTestDatabase(engine);
  const run = (query: ReturnType<typeof sql>) => db().execute(query);
  /** What only the database's owner can do: write past the trigger. */
  async function asOwner(query: ReturnType<typeof sql>) {
    await run(sql`alter table audit_log disable trigger audit_log_append_only`);
    try {
      await run(query);
    } finally {
      await run(sql`alter table audit_log enable trigger audit_log_append_only`);
    }
  }

  it("verifies an empty log", async () => {
    expect(await verifyAuditChain(db())).toEqual({ ok: true, entries: 0 });
  });

  it("refuses UPDATE of a completed entry, DELETE and TRUNCATE; allows one completion", async () => {
    for (let i = 0; i < 5; i++)
      await recordAudit({ actor, action: "user.update", outcome: "ok", after: { i } });
    const pending = await beginAudit({ actor, action: "webhook.delete", webhookId: "w1" });

    expect(await refusal(run(sql`update audit_log set outcome = 'ok' where seq = 2`))).toMatch(
      /append-only: UPDATE refused/,
    );
    expect(await refusal(run(sql`update audit_log set after = '{}' where seq = 2`))).toMatch(
      /append-only/,
    );
    expect(await refusal(run(sql`delete from audit_log where seq = 3`))).toMatch(
      /append-only: DELETE refused/,
    );
    expect(await refusal(run(sql`truncate audit_log`))).toMatch(/append-only: TRUNCATE refused/);
    // A pending entry may be completed, but nothing else of it may change.
    expect(
      await refusal(
        run(sql`update audit_log set outcome = 'ok', webhook_id = 'w2' where seq = ${pending.seq}`),
      ),
    ).toMatch(/append-only/);
    await pending.complete("ok");
    expect(
      await refusal(run(sql`update audit_log set outcome = 'conflict' where seq = ${pending.seq}`)),
    ).toMatch(/append-only/);
    expect(await verifyAuditChain(db())).toEqual({ ok: true, entries: 6 });
  });

  it("verifies a log longer than one page (1,000 entries)", async () => {
    await Promise.all(
      Array.from({ length: 1000 }, () =>
        recordAudit({ actor, action: "auth.sign_in", outcome: "ok" }),
      ),
    );
    expect(await verifyAuditChain(db())).toEqual({ ok: true, entries: 1006 });
  });

  it("names an old entry whose after, outcome or fields were changed behind the trigger", async () => {
    const cases = [
      sql`update audit_log set after = '{"i": 99}' where seq = 2`,
      sql`update audit_log set outcome = 'forbidden' where seq = 2`,
      sql`update audit_log set user_email = 'someone@else.test' where seq = 2`,
      sql`update audit_log set at = at + interval '1 second' where seq = 2`,
    ];
    for (const tamper of cases) {
      const [row] = await db().select().from(auditLog).where(eq(auditLog.seq, 2));
      if (!row) throw new Error("entry #2 is missing");
      await asOwner(tamper);
      const report = await verifyAuditChain(db());
      expect(report).toMatchObject({ ok: false, firstBroken: { seq: 2 } });
      // Put it back, so that the next case starts from a chain that holds.
      await asOwner(
        sql`update audit_log set after = ${JSON.stringify(row.after)}::jsonb,
            outcome = ${row.outcome}, user_email = ${row.userEmail},
            at = ${row.at.toISOString()}::timestamptz where seq = 2`,
      );
      expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
    }
  });

  it("names the entry after a deleted middle one", async () => {
    await asOwner(sql`delete from audit_log where seq = 3`);
    const report = await verifyAuditChain(db());
    expect(report).toEqual({
      ok: false,
      entries: 3,
      firstBroken: { seq: 4, reason: expect.stringMatching(/removed/) as unknown },
    });
  });
});
