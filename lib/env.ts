import { z } from "zod";
import {
  SANDBOX_CONEKTA_API_KEY,
  SANDBOX_DEFAULT_PORT,
  SANDBOX_RAZORPAY_ACCOUNTS,
  SANDBOX_RAZORPAY_KEY_ID,
  SANDBOX_RAZORPAY_KEY_SECRET,
} from "./sandbox/defaults";

/**
 * The only reader of process.env. Every variable is parsed here, once, and a bad value stops the
 * start with one line naming the variable (never its value when it is a secret).
 */

type Source = Record<string, string | undefined>;

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();
const httpUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .transform((v) => v.replace(/\/+$/, ""));
const port = z.coerce.number({ error: "must be a port number" }).int().min(1).max(65_535);
const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off"], { error: "must be true or false" })
  .transform((v) => ["1", "true", "yes", "on"].includes(v));

const accountListSchema = z.string().transform((v, ctx) => {
  const accounts = v
    .split(",")
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const [id = "", ...name] = pair.split("=");
      return { id: id.trim(), name: name.join("=").trim() || id.trim() };
    });
  const bad = accounts.find((a) => !/^acc_[A-Za-z0-9]{14}$/.test(a.id));
  if (bad) {
    ctx.addIssue({
      code: "custom",
      message: `"${bad.id}" is not a Razorpay account id (acc_ + 14 characters)`,
    });
    return z.NEVER;
  }
  return accounts;
});

const rawSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: port.default(3000),
  SANDBOX: z.enum(["auto", "on", "off"], { error: "must be auto, on or off" }).default("auto"),
  SANDBOX_PORT: port.default(SANDBOX_DEFAULT_PORT),
  SANDBOX_ALLOW_LOOPBACK: flag.optional(),
  PROVIDER_TIMEOUT_MS: z.coerce
    .number({ error: "must be a number of milliseconds" })
    .int()
    .min(100)
    .max(120_000)
    .default(10_000),
  CONEKTA_API_KEY: optionalText,
  CONEKTA_API_BASE: httpUrl.optional(),
  CONEKTA_API_VERSION: z
    .string()
    .regex(/^2\.\d+\.\d+$/, "must be a Conekta API version such as 2.1.0")
    .default("2.1.0"),
  RAZORPAY_KEY_ID: z
    .string()
    .regex(/^rzp_(test|live)_\w+$/, "must be a Razorpay key id (rzp_test_… or rzp_live_…)")
    .optional(),
  RAZORPAY_KEY_SECRET: optionalText,
  RAZORPAY_API_BASE: httpUrl.optional(),
  RAZORPAY_ACCOUNTS: accountListSchema.optional(),
  HOST: z
    .string()
    .regex(/^[A-Za-z0-9.:-]+$/, "must be a host name or an IP address")
    .default("127.0.0.1"),
  PUBLIC_URL: httpUrl.optional(),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" })
    .optional(),
  DATA_DIR: z.string().trim().min(1).default("./.data"),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
});

export interface ProviderAccount {
  id: string;
  name: string;
}

/** Where the console keeps its own state: a PostgreSQL server, or PGlite in a local folder. */
export type DatabaseConfig =
  { kind: "server"; url: string } | { kind: "embedded"; dataDir: string };

export interface ConsoleEnv {
  port: number;
  host: string;
  /** The console's own origin as browsers see it (set behind a proxy); else the request's. */
  publicUrl: string | null;
  database: DatabaseConfig;
  /** Signs session cookies and cursors; when unset, one is generated and kept in the database. */
  sessionSecret: string | null;
  production: boolean;
  /** True when the console talks to the bundled sandbox instead of the real providers. */
  sandbox: boolean;
  sandboxPort: number;
  timeoutMs: number;
  conekta: { apiKey: string; apiBase: string; apiVersion: string } | null;
  razorpay: {
    keyId: string;
    keySecret: string;
    apiBase: string;
    accounts: ProviderAccount[];
  } | null;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

function parseRaw(source: Source) {
  // Empty strings mean "unset", as they do in most .env files.
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ""),
  );
  const result = rawSchema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue?.path[0] ?? "configuration");
    throw new ConfigError(`Invalid configuration: ${name} ${issue?.message ?? "is invalid"}`);
  }
  return result.data;
}

/** Reads the console's configuration; throws ConfigError with a one-line message. */
export function parseEnv(source: Source): ConsoleEnv {
  const raw = parseRaw(source);
  const hasConekta = raw.CONEKTA_API_KEY !== undefined;
  const hasRazorpay = raw.RAZORPAY_KEY_ID !== undefined || raw.RAZORPAY_KEY_SECRET !== undefined;
  if (hasRazorpay && (raw.RAZORPAY_KEY_ID === undefined || raw.RAZORPAY_KEY_SECRET === undefined)) {
    const missing = raw.RAZORPAY_KEY_ID === undefined ? "RAZORPAY_KEY_ID" : "RAZORPAY_KEY_SECRET";
    throw new ConfigError(
      `Invalid configuration: ${missing} is required when the other Razorpay key is set`,
    );
  }
  const sandbox = raw.SANDBOX === "on" || (raw.SANDBOX === "auto" && !hasConekta && !hasRazorpay);
  const sandboxBase = `http://127.0.0.1:${raw.SANDBOX_PORT}`;

  const conektaKey = raw.CONEKTA_API_KEY ?? (sandbox ? SANDBOX_CONEKTA_API_KEY : undefined);
  const razorpayKeyId = raw.RAZORPAY_KEY_ID ?? (sandbox ? SANDBOX_RAZORPAY_KEY_ID : undefined);
  const razorpayKeySecret =
    raw.RAZORPAY_KEY_SECRET ?? (sandbox ? SANDBOX_RAZORPAY_KEY_SECRET : undefined);

  return {
    port: raw.PORT,
    host: raw.HOST,
    publicUrl: raw.PUBLIC_URL ?? null,
    database: raw.DATABASE_URL
      ? { kind: "server", url: raw.DATABASE_URL }
      : { kind: "embedded", dataDir: raw.DATA_DIR },
    sessionSecret: raw.SESSION_SECRET ?? null,
    production: raw.NODE_ENV === "production",
    sandbox,
    sandboxPort: raw.SANDBOX_PORT,
    timeoutMs: raw.PROVIDER_TIMEOUT_MS,
    conekta: conektaKey
      ? {
          apiKey: conektaKey,
          apiBase:
            raw.CONEKTA_API_BASE ?? (sandbox ? `${sandboxBase}/conekta` : "https://api.conekta.io"),
          apiVersion: raw.CONEKTA_API_VERSION,
        }
      : null,
    razorpay:
      razorpayKeyId && razorpayKeySecret
        ? {
            keyId: razorpayKeyId,
            keySecret: razorpayKeySecret,
            apiBase:
              raw.RAZORPAY_API_BASE ??
              (sandbox ? `${sandboxBase}/razorpay` : "https://api.razorpay.com"),
            accounts:
              raw.RAZORPAY_ACCOUNTS ??
              (sandbox ? SANDBOX_RAZORPAY_ACCOUNTS.map((a) => ({ ...a })) : []),
          }
        : null,
  };
}

export interface SandboxEnv {
  port: number;
  allowLoopback: boolean;
  keys: { conektaApiKey: string; razorpayKeyId: string; razorpayKeySecret: string };
}

/**
 * Configuration of the sandbox. Loopback webhook URLs are refused by default, as the real providers
 * do; `npm start` passes `allowLoopback: true` because its demo receivers live on loopback.
 */
export function parseSandboxEnv(source: Source, defaults = { allowLoopback: false }): SandboxEnv {
  const raw = parseRaw(source);
  return {
    port: raw.SANDBOX_PORT,
    allowLoopback: raw.SANDBOX_ALLOW_LOOPBACK ?? defaults.allowLoopback,
    keys: {
      conektaApiKey: raw.CONEKTA_API_KEY ?? SANDBOX_CONEKTA_API_KEY,
      razorpayKeyId: raw.RAZORPAY_KEY_ID ?? SANDBOX_RAZORPAY_KEY_ID,
      razorpayKeySecret: raw.RAZORPAY_KEY_SECRET ?? SANDBOX_RAZORPAY_KEY_SECRET,
    },
  };
}

let cached: ConsoleEnv | undefined;

/** The console's configuration, parsed on first use. */
export function getEnv(): ConsoleEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
