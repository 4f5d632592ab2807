import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { errorEnvelopeSchema } from "@/lib/webhooks/model";
import { AppError } from "./errors";
import { parseBody, route } from "./route";

const params = z.object({ provider: z.enum(["conekta", "razorpay"]) });
const context = (value: unknown) => ({ params: Promise.resolve(value) });
const request = (language: string, init?: ConstructorParameters<typeof NextRequest>[1]) =>
  new NextRequest("http://console.test/api/x", {
    ...init,
    headers: { "accept-language": language, ...init?.headers },
  });

// A change from the console's own page: its origin, and a JSON body.
const sameOriginJson = { origin: "http://console.test", "content-type": "application/json" };

async function envelopeOf(response: Response) {
  return errorEnvelopeSchema.parse(await response.json()).error;
}

describe("route", () => {
  // The API skips proxy.ts: its replies carry the security headers from here, errors included.
  it("puts the API's security headers on every reply, with HSTS only over https", async () => {
    const ok = route(params, { access: "public" }, () => Promise.resolve({ ok: true }));
    const failing = route(params, { access: "public" }, () => {
      throw AppError.of("provider_timeout", "providerTimeout", { provider: "Conekta" });
    });
    const none = route(params, { access: "public" }, () => Promise.resolve(null));
    const replies = [
      await ok(request("en"), context({ provider: "conekta" })),
      await failing(request("en"), context({ provider: "conekta" })),
      await none(request("en"), context({ provider: "conekta" })),
      await ok(request("en"), context({ provider: "nope" })),
    ];
    expect(replies.map((r) => r.status)).toEqual([200, 504, 204, 404]);
    for (const reply of replies) {
      expect(reply.headers.get("content-security-policy")).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
      expect(reply.headers.get("x-content-type-options")).toBe("nosniff");
      expect(reply.headers.get("x-frame-options")).toBe("DENY");
      expect(reply.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(reply.headers.get("strict-transport-security")).toBeNull();
      expect(reply.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(await replies[0]!.json()).toEqual({ ok: true });
    expect(replies[0]!.headers.get("content-type")).toBe("application/json");
    const behindTls = await ok(
      request("en", { headers: { "x-forwarded-proto": "https" } }),
      context({ provider: "conekta" }),
    );
    expect(behindTls.headers.get("strict-transport-security")).toBe(
      "max-age=31536000; includeSubDomains",
    );
  });

  it("answers the console's own errors in the user's language, with a request id", async () => {
    const handler = route(params, { access: "public" }, () => {
      throw AppError.of("provider_timeout", "providerTimeout", { provider: "Conekta" });
    });
    const spanish = await handler(request("es-MX,es;q=0.9"), context({ provider: "conekta" }));
    expect(spanish.status).toBe(504);
    const error = await envelopeOf(spanish);
    expect(error.message).toBe("Conekta no respondió a tiempo. Reintenta en un momento.");
    expect(spanish.headers.get("x-request-id")).toBe(error.requestId);

    const english = await handler(request("en-US"), context({ provider: "conekta" }));
    expect((await envelopeOf(english)).message).toBe(
      "Conekta did not answer in time. Try again in a moment.",
    );
  });

  it.each([
    ["<script>alert(1)</script>", false],
    ["a".repeat(65), false],
    ["id with spaces", false],
    ["[forged] log line", false],
    ["req-42.retry_1", true],
  ])(
    "takes the caller's X-Request-Id %j only when it is a plain token (%s)",
    async (given, kept) => {
      const handler = route(params, { access: "public" }, () => {
        throw AppError.of("provider_timeout", "providerTimeout", { provider: "Conekta" });
      });
      const response = await handler(
        request("en", { headers: { "x-request-id": given } }),
        context({ provider: "conekta" }),
      );
      const { requestId } = await envelopeOf(response);
      expect(response.headers.get("x-request-id")).toBe(requestId);
      if (kept) expect(requestId).toBe(given);
      else expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    },
  );

  it("puts the console's own field messages in the user's language", async () => {
    const handler = route(params, { access: "public" }, () => {
      throw new AppError("invalid_fields", "Invalid event name/names: refund.lost", {
        fieldTexts: { events: [{ key: "eventNotOffered", values: { name: "refund.lost" } }] },
      });
    });
    const response = await handler(request("es"), context({ provider: "razorpay" }));
    const error = await envelopeOf(response);
    expect(error.fields).toEqual({
      events: ["Razorpay no ofrece el evento «refund.lost» a esta cuenta."],
    });
    expect(error.message).toBe("Invalid event name/names: refund.lost");
  });

  it("keeps a provider's own words as they came", async () => {
    const handler = route(params, { access: "public" }, () => {
      throw new AppError("not_found", "No se encontró el webhook.");
    });
    const response = await handler(request("en"), context({ provider: "conekta" }));
    expect((await envelopeOf(response)).message).toBe("No se encontró el webhook.");
  });

  it("turns unknown path parameters into a 404 and a crash into a 500 without details", async () => {
    const crashing = route(params, { access: "public" }, () => {
      throw new TypeError("Cannot read properties of undefined (reading 'key_live_secret')");
    });
    expect((await crashing(request("en"), context({ provider: "paypal" }))).status).toBe(404);
    const response = await crashing(request("en"), context({ provider: "razorpay" }));
    expect(response.status).toBe(500);
    const text = JSON.stringify(await response.json());
    expect(text).not.toMatch(/key_live_secret|TypeError|at /);
  });

  it("translates field rules and refuses a body that is not JSON", async () => {
    const schema = z.object({ url: z.string().min(1, "validation.urlRequired") });
    const handler = route(params, { access: "public" }, async ({ req }) => parseBody(req, schema));
    const invalid = await handler(
      request("es", { method: "POST", headers: sameOriginJson, body: JSON.stringify({ url: "" }) }),
      context({ provider: "conekta" }),
    );
    expect(invalid.status).toBe(422);
    expect((await envelopeOf(invalid)).fields).toEqual({
      url: ["Escribe la URL que recibirá los eventos."],
    });

    const notJson = await handler(
      request("en", { method: "POST", headers: sameOriginJson, body: "{url" }),
      context({ provider: "conekta" }),
    );
    expect(notJson.status).toBe(400);
    expect((await envelopeOf(notJson)).message).toBe("The request body must be JSON.");
  });

  it("refuses a change from another origin (403) or with a body that is not declared JSON (415)", async () => {
    const handler = route(params, { access: "public" }, () => Promise.resolve({ ok: true }));
    const post = (headers: Record<string, string>, body?: string) =>
      handler(request("en", { method: "POST", headers, body }), context({ provider: "conekta" }));

    expect((await post({ origin: "https://evil.example" })).status).toBe(403);
    expect((await post({ "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await post({})).status).toBe(403);
    expect((await post({ "sec-fetch-site": "same-origin" })).status).toBe(200);
    // No Content-Length (HTTP/2, chunked): the declared type still decides.
    const plain = await post({ origin: "http://console.test", "content-type": "text/plain" }, "{}");
    expect(plain.status).toBe(415);
    expect((await envelopeOf(plain)).code).toBe("unsupported_media_type");
    const form = {
      origin: "http://console.test",
      "content-type": "application/x-www-form-urlencoded",
    };
    expect((await post(form, "a=1")).status).toBe(415);
    expect((await post({ ...form, "content-length": "0" })).status).toBe(415);
    expect((await post(sameOriginJson, "{}")).status).toBe(200);
    expect(
      (await post({ ...sameOriginJson, "content-type": "Application/JSON; charset=utf-8" }, "{}"))
        .status,
    ).toBe(200);
  });

  it("records the address the proxy saw, not one the client wrote into X-Forwarded-For", async () => {
    const handler = route(params, { access: "public" }, ({ actor }) =>
      Promise.resolve({ ip: actor.ip }),
    );
    const ipOf = async (forwarded?: string) => {
      const headers: Record<string, string> = forwarded ? { "x-forwarded-for": forwarded } : {};
      const response = await handler(request("en", { headers }), context({ provider: "conekta" }));
      return ((await response.json()) as { ip: string | null }).ip;
    };
    expect(await ipOf("203.0.113.7")).toBe("203.0.113.7");
    expect(await ipOf("6.6.6.6, 203.0.113.7")).toBe("203.0.113.7");
    expect(await ipOf("6.6.6.6,203.0.113.7 ")).toBe("203.0.113.7");
    expect(await ipOf()).toBeNull();
  });
});
