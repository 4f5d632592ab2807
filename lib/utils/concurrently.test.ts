import { describe, expect, it } from "vitest";
import { forEachConcurrently } from "./concurrently";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("forEachConcurrently", () => {
  it("runs every item, never more than the limit at once, starting in order", async () => {
    let inFlight = 0;
    let most = 0;
    const started: number[] = [];
    await forEachConcurrently([1, 2, 3, 4, 5, 6, 7, 8, 9], 4, async (n) => {
      started.push(n);
      most = Math.max(most, ++inFlight);
      await tick();
      inFlight--;
    });
    expect(started).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(most).toBe(4);
  });

  it("goes on past a run that throws", async () => {
    const done: number[] = [];
    await forEachConcurrently([1, 2, 3], 2, async (n) => {
      if (n === 1) throw new Error("boom");
      await tick();
      done.push(n);
    });
    expect(done.sort()).toEqual([2, 3]);
  });

  it("does nothing for no items", async () => {
    await expect(forEachConcurrently([], 4, () => Promise.reject(new Error("x")))).resolves.toBe(
      undefined,
    );
  });
});
