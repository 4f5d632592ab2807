import "server-only";
import { eq } from "drizzle-orm";
import { NextResponse } from "next/server";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { clearRateLimit, hitRateLimit, releaseRateLimit } from "@/lib/db/rate-limit";
import { announce } from "@/lib/db/read-cache";
import { session as sessionTable } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { getAuth } from "./auth";
import { getSessionUser, type Actor, type SessionUser } from "./session";

/**
 * Sign-in, sign-out and password change on top of better-auth, with what it leaves to the app:
 * failed sign-ins limited per email and per address in the shared database (429 + Retry-After),
 * a disabled user refused, and every attempt in the audit log.
 */

/**
 * better-auth refuses with its APIError. Checked by name: the bundled server can hold more than one
 * copy of the class, so `instanceof` against our import is not reliable there.
 */
function isAuthRefusal(error: unknown): boolean {
  return error instanceof Error && error.name === "APIError";
}

const FAILURES = { perEmail: 5, perIp: 30, windowMs: 15 * 60_000 };

function limitKeys(email: string, ip: string | null) {
  return [
    { key: `sign-in:email:${email}`, limit: FAILURES.perEmail },
    ...(ip ? [{ key: `sign-in:ip:${ip}`, limit: FAILURES.perIp }] : []),
  ];
}

export async function signIn(
  input: { email: string; password: string },
  actor: Actor,
): Promise<Response> {
  const email = input.email.trim().toLowerCase();
  const keys = limitKeys(email, actor.ip);
  // Each attempt is counted before the password is checked, in one atomic step per key: attempts
  // sent all at once cannot all be tried while the count still says there is room. An attempt
  // refused here gives its hits back (it tried nothing), as does a sign-in that succeeds.
  const counted: string[] = [];
  for (const { key, limit } of keys) {
    const hit = await hitRateLimit(key, { limit, windowMs: FAILURES.windowMs });
    counted.push(key);
    if (!hit.allowed) {
      for (const given of counted) await releaseRateLimit(given);
      await recordAudit({ actor, email, action: "auth.sign_in_failed", outcome: "rate_limited" });
      throw AppError.of(
        "rate_limited",
        "signInRateLimited",
        { seconds: hit.retryAfterSeconds },
        { retryAfterSeconds: hit.retryAfterSeconds },
      );
    }
  }

  const auth = await getAuth();
  const failed = async () => {
    await recordAudit({ actor, email, action: "auth.sign_in_failed", outcome: "unauthorized" });
    return AppError.of("unauthorized", "signInFailed");
  };

  let result;
  try {
    result = await auth.api.signInEmail({
      body: { email, password: input.password },
      headers: new Headers(),
      returnHeaders: true,
    });
  } catch (error) {
    if (isAuthRefusal(error)) throw await failed();
    throw error;
  }
  if (result.response.user.disabled) {
    const db = await getDb();
    await db.delete(sessionTable).where(eq(sessionTable.token, result.response.token));
    throw await failed();
  }
  const [emailKey, ...otherKeys] = keys;
  if (emailKey) await clearRateLimit(emailKey.key);
  for (const { key } of otherKeys) await releaseRateLimit(key);

  const cookie = result.headers.get("set-cookie") ?? "";
  const user = await getSessionUser(new Headers({ cookie: cookie.split(";")[0] ?? "" }));
  if (!user) throw AppError.of("unauthorized", "signInFailed");
  await recordAudit({ actor: { ...actor, user }, action: "auth.sign_in", outcome: "ok" });
  const response = NextResponse.json(user);
  for (const value of result.headers.getSetCookie()) response.headers.append("set-cookie", value);
  return response;
}

export async function signOut(headers: Headers, actor: Actor): Promise<Response> {
  const auth = await getAuth();
  const result = await auth.api.signOut({ headers, returnHeaders: true });
  // The database announces it to every instance; this one forgets the session before it replies.
  if (actor.user) announce(`user:${actor.user.id}`);
  await recordAudit({ actor, action: "auth.sign_out", outcome: "ok" });
  const response = new Response(null, { status: 204 });
  for (const value of result.headers.getSetCookie()) response.headers.append("set-cookie", value);
  return response;
}

export async function changePassword(
  input: { currentPassword: string; newPassword: string },
  headers: Headers,
  actor: Actor & { user: SessionUser },
): Promise<Response> {
  const auth = await getAuth();
  let result;
  try {
    result = await auth.api.changePassword({
      body: { ...input, revokeOtherSessions: true },
      headers,
      returnHeaders: true,
    });
  } catch (error) {
    if (!isAuthRefusal(error)) throw error;
    await recordAudit({ actor, action: "auth.password_change", outcome: "invalid_fields" });
    throw AppError.of("invalid_fields", "fieldsInvalid", undefined, {
      fieldTexts: { currentPassword: [{ key: "passwordWrong" }] },
    });
  }
  announce(`user:${actor.user.id}`);
  await recordAudit({ actor, action: "auth.password_change", outcome: "ok" });
  const response = new Response(null, { status: 204 });
  for (const value of result.headers.getSetCookie()) response.headers.append("set-cookie", value);
  return response;
}
