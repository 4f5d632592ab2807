import { describe, expect, it } from "vitest";
import { clearRateLimit, hitRateLimit, peekRateLimit, releaseRateLimit } from "./rate-limit";
import { engines, withTestDatabase } from "./testing";

describe.each(engines)("the shared rate limit on %s", (engine) => {
  withTestDatabase(engine);
  const window = { limit: 3, windowMs: 60_000 };

  it("allows `limit` hits in a window and refuses the next with the seconds left", async () => {
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await hitRateLimit("k1", window));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3]?.retryAfterSeconds).toBeGreaterThan(50);
    expect(results[3]?.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await hitRateLimit("k2", window)).allowed).toBe(true);
  });

  it("counts concurrent hits exactly", async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => hitRateLimit("k3", { limit: 5, windowMs: 60_000 })),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
  });

  it("starts a new window once the old one is over, and forgets a cleared key", async () => {
    await hitRateLimit("k4", { limit: 1, windowMs: 50 });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect((await hitRateLimit("k4", { limit: 1, windowMs: 50 })).allowed).toBe(true);
    expect((await peekRateLimit("k4", 60_000)).count).toBe(1);
    await clearRateLimit("k4");
    expect((await peekRateLimit("k4", 60_000)).count).toBe(0);
  });

  it("gives one hit back, never below zero", async () => {
    await hitRateLimit("k5", window);
    await hitRateLimit("k5", window);
    await releaseRateLimit("k5");
    expect((await peekRateLimit("k5", 60_000)).count).toBe(1);
    await releaseRateLimit("k5");
    await releaseRateLimit("k5");
    expect((await peekRateLimit("k5", 60_000)).count).toBe(0);
    await releaseRateLimit("never-hit");
    expect((await peekRateLimit("never-hit", 60_000)).count).toBe(0);
  });
});
