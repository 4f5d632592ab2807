import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { idempotencyKey } from "@/lib/db/schema";
import { engines, withTestDatabase } from "@/lib/db/testing";
import { AppError } from "@/lib/http/errors";
import { failure } from "@/lib/testing/sandbox";
import { idempotencyKeyOf, idempotent, REPLAYED_HEADER, type KeyedRequest } from "./idempotency";

// A short provider timeout: a repeat waits for it plus a margin (2 s) before it is told to come back.
vi.mock("@/lib/env", () => ({ getEnv: () => ({ timeoutMs: 100 }) }));

let serial = 0;
const request = (overrides: Partial<KeyedRequest> = {}): KeyedRequest => ({
  key: `key-${++serial}`,
  userId: "u1",
  provider: "razorpay",
  account: "acc_1",
  body: { url: "https://example.com/hook", events: ["payment.captured"] },
  requestId: "req",
  ...overrides,
});

const asEnvelope = (error: AppError) =>
  Response.json({ error: { code: error.code, message: error.message } }, { status: error.status });

/** A create that counts its runs and answers 201 with the run's number, after `ms`. */
function counted(ms = 0, outcome: () => Response = () => Response.json({}, { status: 201 })) {
  let runs = 0;
  const run = async () => {
    runs += 1;
    const n = runs;
    await new Promise((resolve) => setTimeout(resolve, ms));
    const response = outcome();
    return response.status === 201 ? Response.json({ run: n }, { status: 201 }) : response;
  };
  return { run, runs: () => runs };
}

describe("the Idempotency-Key header", () => {
  it.each([
    ["a UUID", "0b7d5bde-4a62-4b55-9c1d-8d7f7c1e0a11", true],
    ["255 visible characters", "!".repeat(255), true],
    ["256 characters", "a".repeat(256), false],
    ["an empty value", "", false],
    ["a space inside", "two words", false],
    ["a non-ASCII character", "clé", false],
  ])("%s: accepted %s", async (_, value, ok) => {
    const headers = new Headers();
    headers.set("idempotency-key", value);
    if (ok) return expect(idempotencyKeyOf(headers)).toBe(value);
    const error = await failure(Promise.resolve().then(() => idempotencyKeyOf(headers)));
    expect(error.code).toBe("bad_request");
    expect(error.message).toContain("Idempotency-Key");
  });

  it("is optional", () => {
    expect(idempotencyKeyOf(new Headers())).toBeNull();
  });
});

describe.each(engines)("idempotent creates on %s", (engine) => {
  const db = withTestDatabase(engine);

  it("runs the first request and replays its reply to a repeat, status included, without running again", async () => {
    const create = counted();
    const first = request();
    const one = await idempotent(first, create.run, asEnvelope);
    const two = await idempotent({ ...first, requestId: "req-2" }, create.run, asEnvelope);

    expect(create.runs()).toBe(1);
    expect([one.status, two.status]).toEqual([201, 201]);
    expect(await two.json()).toEqual(await one.json());
    expect(one.headers.get(REPLAYED_HEADER)).toBeNull();
    expect(two.headers.get(REPLAYED_HEADER)).toBe("true");
  });

  it("runs two concurrent requests with one key once; the second waits and gets the first's reply", async () => {
    const create = counted(150);
    const same = request();
    const replies = await Promise.all([
      idempotent(same, create.run, asEnvelope),
      idempotent(same, create.run, asEnvelope),
    ]);

    expect(create.runs()).toBe(1);
    expect(replies.map((r) => r.status)).toEqual([201, 201]);
    expect(await Promise.all(replies.map((r) => r.json()))).toEqual([{ run: 1 }, { run: 1 }]);
  });

  it("refuses the same key with another body (422 naming the header), and runs nothing", async () => {
    const create = counted();
    const first = request();
    await idempotent(first, create.run, asEnvelope);

    const error = await failure(
      idempotent({ ...first, body: { url: "https://example.com/other" } }, create.run, asEnvelope),
    );
    expect(error).toMatchObject({ code: "invalid_fields", status: 422 });
    expect(error.message).toMatch(/already used for another request/);
    expect(Object.keys(error.fields ?? {})).toEqual(["Idempotency-Key"]);
    expect(create.runs()).toBe(1);
  });

  it("keeps the key apart per user and per account", async () => {
    const create = counted();
    const first = request();
    await idempotent(first, create.run, asEnvelope);
    await idempotent({ ...first, userId: "u2" }, create.run, asEnvelope);
    await idempotent({ ...first, account: "acc_2" }, create.run, asEnvelope);
    expect(create.runs()).toBe(3);
  });

  it("keeps a refusal for the repeat, but lets a throttled or failed provider call be tried again", async () => {
    const refused = AppError.of("not_found", "unknownCompany", { account: "x" });
    const throttled = AppError.of("rate_limited", "providerThrottled", { provider: "X" });
    const unknown = AppError.of("provider_timeout", "createOutcomeUnknown", { provider: "X" });
    for (const [error, runs] of [
      [refused, 1],
      [throttled, 2],
      [unknown, 1],
    ] as const) {
      let calls = 0;
      const run = () => {
        calls += 1;
        return Promise.reject(error);
      };
      const same = request();
      const first = await idempotent(same, run, asEnvelope).catch((e: unknown) => e);
      const second = await idempotent(same, run, asEnvelope).catch((e: unknown) => e);
      expect(calls, error.code).toBe(runs);
      if (runs === 1) {
        expect((first as Response).status).toBe(error.status);
        expect((second as Response).headers.get(REPLAYED_HEADER)).toBe("true");
      } else expect(second).toBe(error);
    }
  });

  it("answers 409 with Retry-After when the first request is still in flight after the wait", async () => {
    const create = counted(2600);
    const same = request();
    const first = idempotent(same, create.run, asEnvelope);
    await new Promise((resolve) => setTimeout(resolve, 50));

    const error = await failure(idempotent(same, create.run, asEnvelope));
    expect(error).toMatchObject({ code: "conflict", status: 409, retryAfterSeconds: 1 });
    expect((await first).status).toBe(201);
    expect(create.runs()).toBe(1);
  }, 10_000);

  it("takes over a key left in flight by a crashed instance once its lease is over", async () => {
    const create = counted();
    const same = request();
    // The same request's row, as the first `idempotent` call writes it, whose lease ran out.
    await idempotent(same, create.run, asEnvelope);
    await db()
      .update(idempotencyKey)
      .set({ status: null, reply: null, leaseUntil: sql`now() - interval '1 second'` })
      .where(sql`${idempotencyKey.key} = ${same.key}`);

    const reply = await idempotent(same, create.run, asEnvelope);
    expect(reply.status).toBe(201);
    expect(create.runs()).toBe(2);
  });

  it("forgets a key after 24 h: expired rows are pruned, and the key may carry a new request", async () => {
    const create = counted();
    const old = request();
    await idempotent(old, create.run, asEnvelope);
    const other = request();
    await idempotent(other, create.run, asEnvelope);
    await db()
      .update(idempotencyKey)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(sql`${idempotencyKey.key} in (${old.key}, ${other.key})`);

    const reply = await idempotent(
      { ...old, body: { url: "https://example.com/new" } },
      create.run,
      asEnvelope,
    );
    expect(reply.status).toBe(201);
    expect(create.runs()).toBe(3);
    const left = await db()
      .select({ key: idempotencyKey.key })
      .from(idempotencyKey)
      .where(sql`${idempotencyKey.key} in (${old.key}, ${other.key})`);
    expect(left).toEqual([{ key: old.key }]);
  });
});
