import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { createInFlight } from "@/lib/db/schema";
import { engines, withTestDatabase } from "@/lib/db/testing";
import { failure } from "@/lib/testing/sandbox";
import { inCreateFlight } from "./create-flight";

vi.mock("@/lib/env", () => ({ getEnv: () => ({ timeoutMs: 100 }) }));

let serial = 0;
const target = () => ({
  provider: "conekta",
  account: "default",
  url: `https://example.com/flight/${++serial}`,
});
const slow = (ms: number) => () => new Promise((resolve) => setTimeout(() => resolve("done"), ms));

describe.each(engines)("one create per account and URL at a time, on %s", (engine) => {
  const db = withTestDatabase(engine);

  it("refuses a second create of the URL while the first is in flight (409), and frees it after", async () => {
    const same = target();
    const first = inCreateFlight(same, slow(150));
    await new Promise((resolve) => setTimeout(resolve, 30));

    const error = await failure(inCreateFlight(same, slow(0)));
    expect(error).toMatchObject({ code: "conflict", status: 409 });
    expect(error.message).toMatch(/already being added/);
    expect(error.retryAfterSeconds).toBeUndefined();
    await expect(inCreateFlight({ ...same, account: "other" }, slow(0))).resolves.toBe("done");

    await expect(first).resolves.toBe("done");
    await expect(inCreateFlight(same, slow(0))).resolves.toBe("done");
  });

  it("frees the URL when the create fails", async () => {
    const same = target();
    await expect(inCreateFlight(same, () => Promise.reject(new Error("boom")))).rejects.toThrow();
    await expect(inCreateFlight(same, slow(0))).resolves.toBe("done");
  });

  it("takes over a flight left by a crashed instance once its lease is over", async () => {
    const same = target();
    let stuck = true;
    const first = inCreateFlight(same, async () => {
      while (stuck) await new Promise((resolve) => setTimeout(resolve, 10));
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    await db()
      .update(createInFlight)
      .set({ leaseUntil: sql`now() - interval '1 second'` })
      .where(sql`${createInFlight.account} = ${same.account}`);

    await expect(inCreateFlight(same, slow(0))).resolves.toBe("done");
    stuck = false;
    await first;
  });
});
