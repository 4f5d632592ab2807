import "server-only";
import { randomBytes } from "node:crypto";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { eq } from "drizzle-orm";
import { getDb, type Database } from "@/lib/db";
import { account, session, setting, user, verification } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";

/**
 * better-auth, used as a library: it hashes passwords (scrypt), creates and looks up sessions in the
 * console's database and signs the httpOnly session cookie. Its own HTTP handler is not mounted:
 * the console's routes (app/api/auth) call it so that every reply is in the console's envelope,
 * failed sign-ins are rate-limited and audited, and there is no sign-up endpoint at all.
 */

export const SESSION_COOKIE_PREFIX = "wc";
/** better-auth's session cookie: `<prefix>.session_token`, `__Secure-` first behind https. */
export const SESSION_COOKIE_NAME = `${SESSION_COOKIE_PREFIX}.session_token`;
export const PASSWORD_MIN_LENGTH = 12;
/** A session lasts a week, and is extended (in the database) once a day when it is used. */
export const SESSION_EXPIRES_IN_SECONDS = 60 * 60 * 24 * 7;
export const SESSION_UPDATE_AGE_SECONDS = 60 * 60 * 24;

/** A secret every instance shares: SESSION_SECRET, or one generated once and kept in the database. */
export async function getSharedSecret(db: Database, key: string, configured: string | null) {
  if (configured) return configured;
  await db
    .insert(setting)
    .values({ key, value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await db.select().from(setting).where(eq(setting.key, key));
  if (!row) throw new Error(`setting ${key} could not be stored`);
  return row.value;
}

async function createAuth() {
  const db = await getDb();
  const env = getEnv();
  return betterAuth({
    appName: "Webhook Console",
    secret: await getSharedSecret(db, "session_secret", env.sessionSecret),
    baseURL: env.publicUrl ?? `http://localhost:${env.port}`,
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: { user, session, account, verification },
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: 256,
    },
    user: {
      additionalFields: {
        role: { type: "string", input: false, defaultValue: "viewer" },
        disabled: { type: "boolean", input: false, defaultValue: false },
      },
    },
    session: {
      expiresIn: SESSION_EXPIRES_IN_SECONDS,
      updateAge: SESSION_UPDATE_AGE_SECONDS,
      // Not better-auth's cookie cache: a disabled user or a signed-out session must stop working
      // at once on every instance. The console's own read cache (lib/auth/session.ts) is evicted
      // by every such write instead.
      cookieCache: { enabled: false },
    },
    // Failed sign-ins are limited by the console itself, in the database (lib/auth/sign-in.ts).
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: SESSION_COOKIE_PREFIX,
      // The console serves plain http; https means a proxy in front, which PUBLIC_URL names.
      useSecureCookies: env.publicUrl?.startsWith("https://") ?? false,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    telemetry: { enabled: false },
    logger: { level: "error" },
  });
}

export type Auth = Awaited<ReturnType<typeof createAuth>>;

const state = globalThis as typeof globalThis & { __consoleAuth?: Promise<Auth> };

export function getAuth(): Promise<Auth> {
  state.__consoleAuth ??= createAuth();
  return state.__consoleAuth;
}

/** For tests: forget the instance so that the next call builds one on the current database. */
export function resetAuth() {
  state.__consoleAuth = undefined;
}
