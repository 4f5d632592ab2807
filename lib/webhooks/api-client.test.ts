import { afterEach, describe, expect, it, vi } from "vitest";
import { apiFetch, ApiError, isErrorEnvelope } from "./api-client";

afterEach(() => vi.unstubAllGlobals());

function answer(status: number, body: unknown) {
  vi.stubGlobal(
    "fetch",
    vi.fn(() => Promise.resolve(new Response(JSON.stringify(body), { status }))),
  );
}

describe("the console API client", () => {
  it("throws the envelope's error for a non-2xx in the console's envelope", async () => {
    const error = { code: "conflict", message: "The limit is reached.", requestId: "r1" };
    answer(409, { error });
    const thrown = await apiFetch("/api/x").catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(ApiError);
    expect((thrown as ApiError).status).toBe(409);
    expect((thrown as ApiError).envelope).toEqual(error);
  });

  it("says only the status for a reply that is not the envelope (a proxy's page)", async () => {
    answer(502, { message: "Bad gateway" });
    const thrown = (await apiFetch("/api/x").catch((e: unknown) => e)) as ApiError;
    expect(thrown.message).toBe("The console answered HTTP 502.");
    expect(thrown.envelope.code).toBe("internal");
  });

  it("knows the envelope by its code, message and request id", () => {
    expect(isErrorEnvelope({ error: { code: "x", message: "m", requestId: "r" } })).toBe(true);
    for (const body of [null, "text", {}, { error: null }, { error: { code: "x", message: "m" } }])
      expect(isErrorEnvelope(body)).toBe(false);
  });
});
