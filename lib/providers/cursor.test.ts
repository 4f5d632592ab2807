import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/http/errors";
import { decodeCursor, encodeCursor } from "./cursor";

const schema = z.object({ next: z.string() });

describe("cursors", () => {
  it("round-trips what the adapter wrote", () => {
    const cursor = encodeCursor({ next: "6307a60c41de27127515a575" });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, schema)).toEqual({ next: "6307a60c41de27127515a575" });
  });

  it.each(["", "%%%", encodeCursor({ o: 3 }), Buffer.from("not json").toString("base64url")])(
    "turns the tampered cursor %j into a 400, not a crash",
    (cursor) => {
      expect(() => decodeCursor(cursor, schema)).toThrow(AppError);
      try {
        decodeCursor(cursor, schema);
      } catch (error) {
        expect((error as AppError).status).toBe(400);
      }
    },
  );
});
