// parseBody's byte limit (issue 9, item 1): a body without Content-Length (chunked) is counted as
// it arrives and refused at 64 kB with a 413, without reading the rest.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { MAX_BODY_BYTES } from "./body-limit";
import { parseBody } from "./route";

/** A chunked body of `total` bytes in 1 kB chunks; `pulled()` says how many bytes were read. */
function chunkedBody(total: number) {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const size = Math.min(1024, total - sent);
      controller.enqueue(
        new TextEncoder().encode(sent === 0 ? `"${"a".repeat(size - 1)}` : "a".repeat(size)),
      );
      sent += size;
    },
  });
  // `duplex` is required by undici for a stream body but missing from Next's RequestInit type.
  const init = { method: "POST", body: stream, duplex: "half" };
  const req = new NextRequest(
    "http://127.0.0.1/api/x",
    init as ConstructorParameters<typeof NextRequest>[1],
  );
  return { req, pulled: () => sent };
}

const anything = z.unknown();

describe("parseBody", () => {
  it("refuses a chunked body over 64 kB with a 413, stopping where the limit is crossed", async () => {
    const { req, pulled } = chunkedBody(5 * 1024 * 1024);
    const error = await parseBody(req, anything).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "payload_too_large", status: 413 });
    expect(pulled()).toBeLessThan(MAX_BODY_BYTES + 64 * 1024);
  });

  it("reads a body of exactly 64 kB", async () => {
    const text = JSON.stringify("a".repeat(MAX_BODY_BYTES - 2));
    const req = new NextRequest("http://127.0.0.1/api/x", { method: "POST", body: text });
    expect(await parseBody(req, z.string())).toHaveLength(MAX_BODY_BYTES - 2);
  });

  it("still calls an empty or non-JSON body a 400", async () => {
    for (const body of [undefined, "{"]) {
      const req = new NextRequest("http://127.0.0.1/api/x", { method: "POST", body });
      await expect(parseBody(req, anything)).rejects.toMatchObject({ code: "bad_request" });
    }
  });
});
