import { describe, expect, it } from "vitest";
import { checkWebhookUrl, createWebhookSchema, updateWebhookSchema } from "./schemas";

const strict = { allowLoopback: false };
const sandbox = { allowLoopback: true };

describe("checkWebhookUrl for Conekta", () => {
  it.each([
    ["https://example.com/hook", strict, null],
    ["http://example.com:8080/x", strict, null],
    ["https://user:pw@example.com/hook", strict, null],
    // Conekta's schema pattern refuses these anywhere in the URL.
    ["http://localhost:3000/hook", strict, "validation.urlLoopback"],
    ["http://127.0.0.1:4010/receivers/ok", strict, "validation.urlLoopback"],
    ["https://example.com/?next=localhost", strict, "validation.urlLoopback"],
    // The sandbox's demo receivers live on loopback.
    ["http://localhost:3000/hook", sandbox, null],
    ["http://127.0.0.1:4010/receivers/ok", sandbox, null],
    ["ftp://example.com/hook", strict, "validation.urlInvalid"],
    ["not a url", strict, "validation.urlInvalid"],
  ])("%s (%o) -> %s", (url, context, expected) => {
    expect(checkWebhookUrl("conekta", url, context)).toBe(expected);
  });

  it("has no length limit", () => {
    expect(
      checkWebhookUrl("conekta", `https://example.com/${"a".repeat(2000)}`, strict),
    ).toBeNull();
  });
});

describe("checkWebhookUrl for Razorpay", () => {
  const exactly = (length: number) => {
    const base = "https://example.com/";
    return base + "a".repeat(length - base.length);
  };

  it.each([
    [exactly(255), null],
    [exactly(256), "validation.urlTooLong"],
    ["https://example.com:8080/hook", "validation.urlPort"],
    ["http://10.0.0.1/hook", "validation.urlPrivate"],
    ["http://192.168.1.1/hook", "validation.urlPrivate"],
    ["http://127.0.0.1/hook", "validation.urlPrivate"],
    ["http://[::1]/hook", "validation.urlPrivate"],
    ["http://localhost/hook", "validation.urlPrivate"],
    // Ranges and forms the form's old regex let through: one check (lib/net/ip-ranges.ts) now.
    ["https://198.18.0.1/hook", "validation.urlPrivate"],
    ["https://192.0.0.192/hook", "validation.urlPrivate"],
    ["https://224.0.0.1/hook", "validation.urlPrivate"],
    ["https://0x7f.1/hook", "validation.urlPrivate"],
    ["https://[64:ff9b::a00:1]/hook", "validation.urlPrivate"],
    ["https://[2002:a00:1::]/hook", "validation.urlPrivate"],
    ["https://[::ffff:8.8.8.8]/hook", null],
    ["https://[2606:4700:4700::1111]/hook", null],
    ["https://webhook.site/89277eaa", "validation.urlBlocked"],
    ["https://sub.webhook.site/89277eaa", "validation.urlBlocked"],
    ["https://x.onion/hook", "validation.urlBlocked"],
    ["https://a.corp/hook", "validation.urlBlocked"],
    ["https://razorpay.com/hook", "validation.urlRazorpay"],
    ["https://api.razorpay.com/hook", "validation.urlRazorpay"],
    ["ftp://example.com/hook", "validation.urlInvalid"],
    // A trailing dot names the same host, and *.localhost is loopback (RFC 6761).
    ["https://webhook.site./89277eaa", "validation.urlBlocked"],
    ["https://x.onion./hook", "validation.urlBlocked"],
    ["http://localhost./hook", "validation.urlPrivate"],
    ["http://hooks.localhost/hook", "validation.urlPrivate"],
    ["https://example.com/hook", null],
    ["http://example.com:80/x", null],
    ["https://example.com:443/x", null],
    // Only the host is looked at: a blocked name in the path is fine.
    ["https://example.com/webhook.site", null],
  ])("%s -> %s", (url, expected) => {
    expect(checkWebhookUrl("razorpay", url, strict)).toBe(expected);
  });

  it("lets loopback through on the sandbox, on any port, but no other private range", () => {
    expect(checkWebhookUrl("razorpay", "http://127.0.0.1:4010/receivers/ok", sandbox)).toBeNull();
    expect(checkWebhookUrl("razorpay", "http://localhost:4010/receivers/ok", sandbox)).toBeNull();
    expect(checkWebhookUrl("razorpay", "http://10.0.0.1/hook", sandbox)).toBe(
      "validation.urlPrivate",
    );
    expect(checkWebhookUrl("razorpay", "https://example.com:8080/hook", sandbox)).toBe(
      "validation.urlPort",
    );
  });
});

describe("createWebhookSchema", () => {
  const valid = { url: "https://example.com/hook", events: ["order.paid"] };

  it.each([{ alertEmail: "ops@example.com" }, { secret: "s3cret" }])(
    "refuses the Razorpay-only field %o for Conekta",
    (extra) => {
      const result = createWebhookSchema("conekta", strict).safeParse({ ...valid, ...extra });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.code).toBe("unrecognized_keys");
    },
  );

  it("takes the Razorpay-only fields for Razorpay", () => {
    const input = {
      ...valid,
      events: ["payment.captured"],
      alertEmail: "ops@example.com",
      secret: "s3cret",
    };
    expect(createWebhookSchema("razorpay", strict).parse(input)).toEqual(input);
  });

  it("takes url and events for Conekta, trimming the URL", () => {
    expect(
      createWebhookSchema("conekta", strict).parse({
        ...valid,
        url: "  https://example.com/hook ",
      }),
    ).toEqual(valid);
  });

  it.each([
    [{ url: "", events: ["order.paid"] }, "validation.urlRequired"],
    [{ url: "https://example.com/hook", events: [] }, "validation.eventsRequired"],
    [{ url: "http://localhost/hook", events: ["order.paid"] }, "validation.urlLoopback"],
  ])("refuses %o for Conekta with %s", (input, message) => {
    const result = createWebhookSchema("conekta", strict).safeParse(input);
    expect(result.error?.issues.map((i) => i.message)).toContain(message);
  });

  it("refuses a bad alert email for Razorpay", () => {
    const result = createWebhookSchema("razorpay", strict).safeParse({
      ...valid,
      alertEmail: "not-an-email",
    });
    expect(result.error?.issues.map((i) => i.message)).toEqual(["validation.emailInvalid"]);
  });

  it("refuses Razorpay-only fields, `active` included, on a Conekta update", () => {
    for (const extra of [{ active: false }, { secret: "x" }, { alertEmail: "a@b.co" }]) {
      expect(updateWebhookSchema("conekta", strict).safeParse(extra).success).toBe(false);
    }
    expect(updateWebhookSchema("razorpay", strict).safeParse({ active: false }).success).toBe(true);
  });
});
