import { afterEach, describe, expect, it, vi } from "vitest";

describe("logError", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("never writes a provider key to the log, whatever the error carries", async () => {
    vi.stubEnv("CONEKTA_API_KEY", "key_live_Sup3rS3cret");
    vi.stubEnv("RAZORPAY_KEY_ID", "rzp_live_AbCdEf123456");
    vi.stubEnv("RAZORPAY_KEY_SECRET", "razorpay-secret-value");
    const { logError } = await import("./log");
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => lines.push(line));

    const cause = new Error("Authorization: Basic rzp_live_AbCdEf123456:razorpay-secret-value");
    logError("req-9", new Error("sent Bearer key_live_Sup3rS3cret and failed", { cause }));

    const logged = lines.join("\n");
    expect(logged).toContain("[req-9]");
    expect(logged).toContain("[redacted]");
    expect(logged).not.toMatch(/Sup3rS3cret|AbCdEf123456|razorpay-secret-value/);
  });
});
