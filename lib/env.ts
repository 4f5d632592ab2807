import { z } from "zod";
import { httpUrl } from "./config/fields";
import { listDefinitions, type ProviderDefinition } from "./providers/definitions";
import {
  SANDBOX_CONEKTA_API_KEY,
  SANDBOX_DEFAULT_PORT,
  SANDBOX_KEYS,
  SANDBOX_RAZORPAY_KEY_ID,
  SANDBOX_RAZORPAY_KEY_SECRET,
} from "./sandbox/defaults";

/**
 * The only reader of process.env. Every variable is parsed here, once, and a bad value stops the
 * start with one line naming the variable (never its value when it is a secret).
 */

type Source = Record<string, string | undefined>;

const port = z.coerce.number({ error: "must be a port number" }).int().min(1).max(65_535);
const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off"], { error: "must be true or false" })
  .transform((v) => ["1", "true", "yes", "on"].includes(v));

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

/** A provider's configuration as its folder's env schema made it, and the secrets in it. */
export interface ProviderSetting {
  /** What the provider's adapter is built from; null when the provider is off. */
  config: unknown;
  /** The values of its secret variables, for redaction. */
  secrets: string[];
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
  /** Each known provider's setting, by provider id (lib/providers/<name>/env.ts). */
  providers: Record<string, ProviderSetting>;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

function configError(issue: z.core.$ZodIssue | undefined): ConfigError {
  const name = String(issue?.path[0] ?? "configuration");
  return new ConfigError(`Invalid configuration: ${name} ${issue?.message ?? "is invalid"}`);
}

// Empty strings mean "unset", as they do in most .env files.
function clean(source: Source): Source {
  return Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
}

function parseRaw(source: Source) {
  const result = rawSchema.safeParse(clean(source));
  if (!result.success) throw configError(result.error.issues[0]);
  return result.data;
}

/** One provider's variables through its own schema; on the sandbox its secrets default to the sandbox's. */
function parseProvider(
  { env }: ProviderDefinition,
  source: Source,
  context: { sandbox: boolean; sandboxBase: string },
): ProviderSetting {
  const values: Source = {};
  for (const name of Object.keys(env.variables))
    values[name] = source[name] ?? (context.sandbox ? SANDBOX_KEYS[name] : undefined);
  const result = env.schema.safeParse(values);
  if (!result.success) throw configError(result.error.issues[0]);
  const secrets = Object.entries(env.variables)
    .filter(([, variable]) => variable.secret)
    .map(([name]) => values[name])
    .filter((v): v is string => v !== undefined);
  return { config: env.toConfig(result.data, context), secrets };
}

/** Reads the console's configuration; throws ConfigError with a one-line message. */
export function parseEnv(source: Source): ConsoleEnv {
  const raw = parseRaw(source);
  const cleaned = clean(source);
  const definitions = listDefinitions();
  // Any provider secret set means real providers; with none, `auto` runs on the bundled sandbox.
  const anyKeySet = definitions.some(({ env }) =>
    Object.entries(env.variables).some(([name, v]) => v.secret && cleaned[name] !== undefined),
  );
  const sandbox = raw.SANDBOX === "on" || (raw.SANDBOX === "auto" && !anyKeySet);
  const context = { sandbox, sandboxBase: `http://127.0.0.1:${raw.SANDBOX_PORT}` };

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
    providers: Object.fromEntries(
      definitions.map((d) => [d.descriptor.id, parseProvider(d, cleaned, context)]),
    ),
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
  // The sandbox emulates both providers, so it takes their keys by name.
  const keys = clean(source);
  return {
    port: raw.SANDBOX_PORT,
    allowLoopback: raw.SANDBOX_ALLOW_LOOPBACK ?? defaults.allowLoopback,
    keys: {
      conektaApiKey: keys.CONEKTA_API_KEY ?? SANDBOX_CONEKTA_API_KEY,
      razorpayKeyId: keys.RAZORPAY_KEY_ID ?? SANDBOX_RAZORPAY_KEY_ID,
      razorpayKeySecret: keys.RAZORPAY_KEY_SECRET ?? SANDBOX_RAZORPAY_KEY_SECRET,
    },
  };
}

let cached: ConsoleEnv | undefined;

/** The console's configuration, parsed on first use. */
export function getEnv(): ConsoleEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
