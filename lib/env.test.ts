import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv, parseSandboxEnv } from "./env";
import type { RazorpayEnvConfig } from "./providers/razorpay/env";
import { SANDBOX_CONEKTA_API_KEY, SANDBOX_RAZORPAY_ACCOUNTS } from "./sandbox/defaults";

describe("parseEnv", () => {
  it("runs on the sandbox, with its keys and the seeded accounts, when no provider key is set", () => {
    const env = parseEnv({ SANDBOX_PORT: "4999" });
    expect(env.sandbox).toBe(true);
    expect(env.providers.conekta?.config).toEqual({
      apiKey: SANDBOX_CONEKTA_API_KEY,
      apiBase: "http://127.0.0.1:4999/conekta",
      apiVersion: "2.1.0",
    });
    expect((env.providers.razorpay?.config as RazorpayEnvConfig | null)?.apiBase).toBe(
      "http://127.0.0.1:4999/razorpay",
    );
    expect(
      (env.providers.razorpay?.config as RazorpayEnvConfig | null)?.accounts.map(
        (a: { id: string }) => a.id,
      ),
    ).toEqual(SANDBOX_RAZORPAY_ACCOUNTS.map((a) => a.id));
    expect(env.port).toBe(3000);
  });

  it("talks to the real providers when keys are set, and leaves an unconfigured provider off", () => {
    const env = parseEnv({ CONEKTA_API_KEY: "key_live_abc" });
    expect(env.sandbox).toBe(false);
    expect((env.providers.conekta?.config as { apiBase: string } | null)?.apiBase).toBe(
      "https://api.conekta.io",
    );
    expect(env.providers.razorpay?.config).toBeNull();
  });

  it("reads Razorpay's accounts as acc_id=Name pairs", () => {
    const env = parseEnv({
      RAZORPAY_KEY_ID: "rzp_live_abc",
      RAZORPAY_KEY_SECRET: "s3cret",
      RAZORPAY_ACCOUNTS: "acc_AAAAAAAAAAAAAA=Shop A, acc_BBBBBBBBBBBBBB",
    });
    expect((env.providers.razorpay?.config as RazorpayEnvConfig | null)?.accounts).toEqual([
      { id: "acc_AAAAAAAAAAAAAA", name: "Shop A" },
      { id: "acc_BBBBBBBBBBBBBB", name: "acc_BBBBBBBBBBBBBB" },
    ]);
    expect((env.providers.razorpay?.config as RazorpayEnvConfig | null)?.apiBase).toBe(
      "https://api.razorpay.com",
    );
  });

  it("listens on 127.0.0.1 unless HOST says otherwise, and refuses a HOST that is no address", () => {
    expect(parseEnv({}).host).toBe("127.0.0.1");
    expect(parseEnv({ HOST: "0.0.0.0" }).host).toBe("0.0.0.0");
    expect(() => parseEnv({ HOST: "a b" })).toThrow(ConfigError);
    expect(() => parseEnv({ HOST: "a b" })).toThrow(/^Invalid configuration: HOST /);
  });

  it.each([
    [{ CONEKTA_API_BASE: "notaurl" }, "CONEKTA_API_BASE"],
    [{ PORT: "eighty" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ RAZORPAY_KEY_ID: "key_123", RAZORPAY_KEY_SECRET: "x" }, "RAZORPAY_KEY_ID"],
    [{ RAZORPAY_KEY_ID: "rzp_test_abc" }, "RAZORPAY_KEY_SECRET"],
    [{ RAZORPAY_ACCOUNTS: "merchant-1=Shop" }, "RAZORPAY_ACCOUNTS"],
    [{ CONEKTA_API_VERSION: "latest" }, "CONEKTA_API_VERSION"],
    [{ SANDBOX: "maybe" }, "SANDBOX"],
    [{ SANDBOX_ALLOW_LOOPBACK: "perhaps" }, "SANDBOX_ALLOW_LOOPBACK"],
  ])("stops on %j with one line naming %s", (source, name) => {
    expect(() => parseEnv(source)).toThrow(ConfigError);
    try {
      parseEnv(source);
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(new RegExp(`^Invalid configuration: ${name} `));
      expect(message).not.toContain("\n");
    }
  });

  it("never repeats a secret's value in its message", () => {
    expect(() =>
      parseEnv({ RAZORPAY_KEY_ID: "not-a-key-TOPSECRET", RAZORPAY_KEY_SECRET: "x" }),
    ).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("TOPSECRET") as unknown }),
    );
  });
});

describe("parseSandboxEnv", () => {
  it("refuses loopback webhook URLs unless told otherwise, as the real providers do", () => {
    expect(parseSandboxEnv({}).allowLoopback).toBe(false);
    expect(parseSandboxEnv({}, { allowLoopback: true }).allowLoopback).toBe(true);
    expect(
      parseSandboxEnv({ SANDBOX_ALLOW_LOOPBACK: "false" }, { allowLoopback: true }).allowLoopback,
    ).toBe(false);
    expect(parseSandboxEnv({ SANDBOX_ALLOW_LOOPBACK: "1" }).allowLoopback).toBe(true);
  });
});
