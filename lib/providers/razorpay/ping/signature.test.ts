import { describe, expect, it } from "vitest";
import { signRazorpayBody } from "./signature";

describe("signRazorpayBody", () => {
  it("matches RFC 4231 test case 2 (HMAC-SHA256)", () => {
    expect(signRazorpayBody("what do ya want for nothing?", "Jefe")).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
  });

  it("signs a Razorpay-shaped body as lowercase hex (vector from `openssl dgst -sha256 -hmac`)", () => {
    const body =
      '{"entity":"event","account_id":"acc_ConsoleTest01","event":"payment.captured","contains":["payment"],' +
      '"payload":{"payment":{"entity":{"id":"pay_ConsoleTestPing","entity":"payment","amount":100,"currency":"INR",' +
      '"status":"captured","notes":{"console_test_ping":"true"},"created_at":1700000000}}},"created_at":1700000000}';
    expect(signRazorpayBody(body, "whsec_test_ping")).toBe(
      "36b8e617901052c9f511e1803c686b40816f16763c133b3043caa568460376ed",
    );
  });

  it("changes when one byte of the body changes", () => {
    expect(signRazorpayBody('{"a":1}', "s")).not.toBe(signRazorpayBody('{"a": 1}', "s"));
  });
});
