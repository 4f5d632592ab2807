import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { matchApiRoute } from "@/lib/http/api-routes";
import { decide } from "@/lib/server/gate";
import { GET } from "./route";

const call = (headers: Record<string, string> = {}) =>
  GET(new NextRequest("http://console.test/api/health", { headers }), {
    params: Promise.resolve({}),
  });

describe("GET /api/health", () => {
  it("answers { ok: true } without a session, with a request id", async () => {
    const response = await call();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.get("x-request-id")).toMatch(/\S/);
  });

  it("ignores a session cookie, even a forged one: it reads nothing", async () => {
    const response = await call({ cookie: "better-auth.session_token=forged" });
    expect(response.status).toBe(200);
  });

  it("is a route the server's gate lets through, for GET only", () => {
    expect(matchApiRoute(["api", "health"])?.pattern).toBe("/api/health");
    expect(decide({ method: "GET", url: "/api/health", headers: {} }, { publicUrl: null })).toBe(
      null,
    );
    expect(
      decide({ method: "POST", url: "/api/health", headers: {} }, { publicUrl: null })?.status,
    ).toBe(405);
  });
});
