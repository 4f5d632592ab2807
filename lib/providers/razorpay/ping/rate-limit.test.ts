import { describe, expect, it } from "vitest";
import { createPingRateLimiter } from "./rate-limit";

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("createPingRateLimiter", () => {
  it("allows 10 pings a minute, refuses the 11th with a retry time, and allows again after the window", () => {
    const time = clock();
    const limiter = createPingRateLimiter({ limit: 10, windowMs: 60_000, now: time.now });
    for (let i = 0; i < 10; i++) {
      expect(limiter.take("acc_1/hook_1")).toEqual({ ok: true });
      time.advance(1_000);
    }
    const refused = limiter.take("acc_1/hook_1");
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.retryAfterSeconds).toBeGreaterThan(0);
      expect(refused.retryAfterSeconds).toBe(50);
    }
    time.advance(60_000);
    expect(limiter.take("acc_1/hook_1")).toEqual({ ok: true });
  });

  it("counts each key on its own", () => {
    const time = clock();
    const limiter = createPingRateLimiter({ limit: 1, windowMs: 60_000, now: time.now });
    expect(limiter.take("a").ok).toBe(true);
    expect(limiter.take("a").ok).toBe(false);
    expect(limiter.take("b").ok).toBe(true);
  });

  it("slides: a burst at the end of one minute is still counted at the start of the next", () => {
    const time = clock();
    const limiter = createPingRateLimiter({ limit: 2, windowMs: 60_000, now: time.now });
    time.advance(59_000);
    expect(limiter.take("k").ok).toBe(true);
    expect(limiter.take("k").ok).toBe(true);
    time.advance(2_000);
    expect(limiter.take("k").ok).toBe(false);
  });

  it("drops expired keys and never holds more than maxKeys", () => {
    const time = clock();
    const limiter = createPingRateLimiter({
      limit: 10,
      windowMs: 60_000,
      now: time.now,
      maxKeys: 100,
    });
    for (let i = 0; i < 50; i++) limiter.take(`old-${i}`);
    expect(limiter.size()).toBe(50);
    time.advance(60_001);
    limiter.take("fresh");
    expect(limiter.size()).toBe(1);
    for (let i = 0; i < 500; i++) limiter.take(`flood-${i}`);
    expect(limiter.size()).toBeLessThanOrEqual(100);
  });
});
