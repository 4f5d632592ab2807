// GET /api/audit and /api/audit.csv, called as Next calls them with real sessions, on both engines.
import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { recordAudit } from "@/lib/audit/record";
import { auditPageSchema, type AuditEntry } from "@/lib/audit/model";
import { encodeAuditCursor } from "@/lib/audit/filters";
import { getAuth } from "@/lib/auth/auth";
import type { Role } from "@/lib/auth/roles";
import type { Actor, SessionUser } from "@/lib/auth/session";
import { createUser } from "@/lib/auth/users";
import type * as EnvModule from "@/lib/env";
import { engines, withTestDatabase } from "@/lib/db/testing";
import { errorEnvelopeSchema } from "@/lib/webhooks/model";
import * as csvRoute from "../audit.csv/route";
import * as auditRoute from "./route";

vi.mock("@/lib/env", async (importOriginal) => {
  const actual = await importOriginal<typeof EnvModule>();
  const env = actual.parseEnv({ NODE_ENV: "test", SANDBOX: "on" });
  return { ...actual, getEnv: () => env };
});

const PASSWORD = "correct-horse-battery";
const OWN = "6595f5005eed000000000004";
const OTHER = "6594a3805eed000000000003";
const RZP = "acc_Ha6Vb2QzPQ9x1K";

const noParams = { params: Promise.resolve({}) };
const actorOf = (user: SessionUser): Actor => ({
  user,
  requestId: "seed",
  ip: "198.51.100.7",
  userAgent: "vitest",
});

async function signIn(email: string) {
  const { headers } = await (
    await getAuth()
  ).api.signInEmail({ body: { email, password: PASSWORD }, returnHeaders: true });
  const cookie = headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error(`no session cookie for ${email}`);
  return cookie;
}

describe.each(engines)("the audit log API on %s", (engine) => {
  const db = withTestDatabase(engine);
  const cookies = {} as Record<Role | "stranger", string>;
  const users = {} as Record<Role, SessionUser>;

  beforeAll(async () => {
    for (const role of ["admin", "support", "merchant", "viewer"] as const) {
      const email = `${role}@audit.test`;
      const grants =
        role === "merchant" || role === "viewer"
          ? [{ provider: "conekta", account: OWN, accountName: "Panadería" }]
          : [];
      const { id } = await createUser({ email, name: role, role, password: PASSWORD, grants });
      users[role] = {
        id,
        email,
        name: role,
        role,
        accounts: grants.length
          ? [{ provider: "conekta", account: OWN, name: "Panadería" }]
          : "all",
      };
      cookies[role] = await signIn(email);
    }
    const admin = actorOf(users.admin);
    // 60 edits on the merchant's account, and a few elsewhere.
    for (let i = 0; i < 60; i++)
      await recordAudit({
        actor: admin,
        action: "webhook.update",
        provider: "conekta",
        account: OWN,
        webhookId: `w${i % 3}`,
        outcome: i % 10 === 0 ? "provider_error" : "ok",
        after: { url: `https://hooks.example.com/${i}` },
      });
    await recordAudit({
      actor: admin,
      action: "webhook.create",
      provider: "conekta",
      account: OWN,
      outcome: "ok",
      after: { id: "w-new", url: "https://hooks.example.com/new" },
    });
    await recordAudit({
      actor: admin,
      action: "webhook.delete",
      provider: "conekta",
      account: OTHER,
      webhookId: "x1",
      outcome: "ok",
      before: { url: '=HYPERLINK("https://evil.example","click")' },
    });
    await recordAudit({
      actor: admin,
      action: "webhook.disable",
      provider: "razorpay",
      account: RZP,
      webhookId: "r1",
      outcome: "ok",
    });
    await recordAudit({ actor: actorOf(users.merchant), action: "auth.sign_in", outcome: "ok" });
    await recordAudit({ actor: admin, action: "auth.sign_in", outcome: "ok" });
  }, 60_000);

  function get(path: string, who: keyof typeof cookies | null = "admin") {
    const url = `http://console.test${path}`;
    const headers = who ? { cookie: cookies[who] } : undefined;
    const handler = new URL(url).pathname === "/api/audit.csv" ? csvRoute.GET : auditRoute.GET;
    return handler(new NextRequest(url, { headers }), noParams);
  }
  async function page(path: string, who: keyof typeof cookies = "admin") {
    const response = await get(path, who);
    expect(response.status).toBe(200);
    return auditPageSchema.parse(await response.json());
  }
  async function error(path: string, who: keyof typeof cookies | null = "admin") {
    const response = await get(path, who);
    return { status: response.status, ...errorEnvelopeSchema.parse(await response.json()).error };
  }
  const seqs = (entries: AuditEntry[]) => entries.map((e) => e.seq);

  it("pages through every entry newest first, 50 at a time, with an opaque cursor", async () => {
    const first = await page("/api/audit");
    expect(first.data).toHaveLength(50);
    expect(first.page).toMatchObject({ hasMore: true, previous: null });
    expect(first.data[0]).toMatchObject({ action: "auth.sign_in", userEmail: "admin@audit.test" });
    const all = seqs(first.data);
    expect(all).toEqual([...all].sort((a, b) => b - a));
    const second = await page(`/api/audit?cursor=${first.page.next ?? ""}`);
    expect(second.page).toEqual({ next: null, previous: null, hasMore: false });
    expect(second.data).toHaveLength(15);
    expect(Math.max(...seqs(second.data))).toBeLessThan(Math.min(...all));
    expect(first.data[0]).toMatchObject({ role: "admin", ip: "198.51.100.7", requestId: "seed" });
  });

  it.each([
    ["account=conekta:" + OTHER, 1],
    ["account=conekta", 62],
    ["account=razorpay", 1],
    ["action=webhook.update", 60],
    ["outcome=failed", 6],
    ["outcome=provider_error", 6],
    ["outcome=ok&action=webhook.update", 54],
    ["user=MERCHANT@audit", 1],
    [`account=conekta:${OWN}&webhook=w1`, 20],
    // A create names its webhook in `after` only.
    [`account=conekta:${OWN}&webhook=w-new`, 1],
    [`from=${new Date().toISOString().slice(0, 10)}&account=razorpay`, 1],
    ["to=2000-01-01", 0],
    [`from=${new Date(Date.now() + 60_000).toISOString()}`, 0],
  ])("filters by %s", async (query, count) => {
    const first = await page(`/api/audit?${query}`);
    const rest = first.page.next
      ? await page(`/api/audit?${query}&cursor=${first.page.next}`)
      : null;
    expect(first.data.length + (rest?.data.length ?? 0)).toBe(count);
  });

  it("shows a merchant only their accounts' entries and their own sign-ins", async () => {
    const first = await page("/api/audit", "merchant");
    const rest = await page(`/api/audit?cursor=${first.page.next ?? ""}`, "merchant");
    const entries = [...first.data, ...rest.data];
    expect(entries).toHaveLength(62);
    expect(entries.every((e) => e.account === OWN || e.userId === users.merchant.id)).toBe(true);
    expect(entries.find((e) => e.action === "auth.sign_in")?.userEmail).toBe("merchant@audit.test");
    expect((await page("/api/audit?account=razorpay", "merchant")).data).toEqual([]);
  });

  it.each([
    [
      "a merchant asking for an account not granted",
      `/api/audit?account=conekta:${OTHER}`,
      "merchant",
      403,
      "forbidden",
    ],
    [
      "a merchant exporting an account not granted",
      `/api/audit.csv?account=conekta:${OTHER}`,
      "merchant",
      403,
      "forbidden",
    ],
    ["a viewer", "/api/audit", "viewer", 403, "forbidden"],
    ["a viewer exporting", "/api/audit.csv", "viewer", 403, "forbidden"],
    ["no session", "/api/audit", null, 401, "unauthorized"],
    ["no session exporting", "/api/audit.csv", null, 401, "unauthorized"],
  ] as const)("refuses %s", async (_, path, who, status, code) => {
    expect(await error(path, who)).toMatchObject({ status, code });
  });

  it.each([
    ["action", "action=webhook.explode"],
    ["from", "from=yesterday"],
    ["to", "to=2026-13-45"],
    ["account", "account=stripe:acct_1"],
    ["account", "account=conekta:a:b"],
    ["outcome", "outcome=maybe"],
    ["cursor", "cursor=%%%"],
    ["cursor", `cursor=${btoa("abc")}`],
    ["webhook", "webhook=a%20b"],
  ])("answers 400 naming the parameter %s", async (name, query) => {
    const reply = await error(`/api/audit?${query}`);
    expect(reply).toMatchObject({ status: 400, code: "bad_request" });
    expect(reply.message).toMatch(new RegExp(`^Query parameter ${name} `));
    // The export has no cursor: it ignores one.
    expect((await get(`/api/audit.csv?${query}`)).status).toBe(name === "cursor" ? 200 : 400);
  });

  it("accepts a cursor it made, and one past the end gives an empty page", async () => {
    expect((await page(`/api/audit?cursor=${encodeAuditCursor(1)}`)).data).toEqual([]);
  });

  it("exports CSV with a header, RFC 4180 quoting and formula cells defused", async () => {
    const response = await get(`/api/audit.csv?account=conekta:${OTHER}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="audit-log-/,
    );
    const lines = (await response.text()).split("\r\n");
    expect(lines[0]).toBe(
      "seq,at,user_id,user_email,role,provider,account,webhook_id,action,outcome,completed_at,request_id,ip,user_agent,before,after,hash",
    );
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe("");
    // The JSON cell holds quotes and a comma: quoted, quotes doubled; `=` inside is not at the start.
    expect(lines[1]).toContain(
      `"{""url"":""=HYPERLINK(\\""https://evil.example\\"",\\""click\\"")""}"`,
    );
    expect(lines[1]).toContain(",webhook.delete,ok,");
  });

  it("exports the merchant's view only", async () => {
    const text = await (await get("/api/audit.csv", "merchant")).text();
    expect(text.trim().split("\r\n")).toHaveLength(63);
    expect(text).not.toContain(OTHER);
  });

  it("streams a long export in batches, newest first, each entry once", async () => {
    await db().execute(sql`
      insert into audit_log (at, action, outcome, prev_hash, hash, user_email)
      select now(), 'grant.add', 'ok', 'x', 'x', '+' || g::text from generate_series(1, 2500) g`);
    const text = await (await get("/api/audit.csv?action=grant.add")).text();
    const rows = text.trim().split("\r\n").slice(1);
    expect(rows).toHaveLength(2500);
    const seqList = rows.map((r) => Number(r.split(",")[0]));
    expect(new Set(seqList).size).toBe(2500);
    expect(seqList).toEqual([...seqList].sort((a, b) => b - a));
    // A cell starting with + would be a formula in a spreadsheet.
    expect(rows[0]?.split(",")[3]).toBe("'+2500");
  });

  it("refuses up front an export beyond 100,000 rows, with a message that says what to do", async () => {
    await db().execute(sql`
      insert into audit_log (at, action, outcome, prev_hash, hash)
      select now(), 'user.update', 'ok', 'x', 'x' from generate_series(1, 100001)`);
    const reply = await error("/api/audit.csv?action=user.update");
    expect(reply).toMatchObject({
      status: 400,
      code: "bad_request",
      message: "Narrow the filters: the export is limited to 100,000 rows.",
    });
    expect((await get("/api/audit.csv?action=webhook.update")).status).toBe(200);
  }, 60_000);
});
