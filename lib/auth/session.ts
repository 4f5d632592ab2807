import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { ReadCache } from "@/lib/db/read-cache";
import { accountGrant } from "@/lib/db/schema";
import { getAuth, SESSION_EXPIRES_IN_SECONDS, SESSION_UPDATE_AGE_SECONDS } from "./auth";
import { seesAllAccounts } from "./permissions";
import { roles, type Role } from "./roles";

export interface GrantedAccount {
  provider: string;
  account: string;
  name: string;
}

/** The signed-in user as the console's code sees it (and `GET /api/me` returns). */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** "all" for admin and support; otherwise the accounts granted to the user. */
  accounts: "all" | GrantedAccount[];
}

/** Who made a request and from where: what the audit log records of the caller. */
export interface Actor {
  /** Null on a public route (a sign-in attempt). */
  user: SessionUser | null;
  requestId: string;
  ip: string | null;
  userAgent: string | null;
}

/**
 * Signed-in users by session cookie, so that a warm request reads no session, user or grants from
 * the database (lib/db/read-cache.ts). Every write that could change an entry evicts the user's
 * entries on every instance: sign-out, a session deleted or refreshed, the user's role, disabled
 * flag, password or grants. An entry also ends when its session expires, and before the session is
 * due for better-auth's daily refresh (`updateAge`), so that the refresh still happens in the
 * database. Only a session that held is kept: a bad cookie always goes to better-auth.
 */
const SESSION_CACHE_TTL_MS = 60_000;
const sessions = new ReadCache<SessionUser>("user", {
  ttlMs: SESSION_CACHE_TTL_MS,
  max: 10_000,
  tag: (user) => user.id,
});

let sessionCookieName: string | undefined;

/**
 * The session cookie's value as sent (signed): what a cache entry is found by. Null when there is
 * none, or more than one: which of two better-auth would check is not this function's to guess.
 */
async function sessionCookieOf(headers: Headers): Promise<string | null> {
  const cookies = headers.get("cookie");
  if (!cookies) return null;
  sessionCookieName ??= (await (await getAuth()).$context).authCookies.sessionToken.name;
  const prefix = `${sessionCookieName}=`;
  let found: string | null = null;
  for (const part of cookies.split(";")) {
    const cookie = part.trim();
    if (!cookie.startsWith(prefix)) continue;
    if (found !== null) return null;
    found = cookie.slice(prefix.length);
  }
  return found || null;
}

/** Until when better-auth would answer as it just did: the session's expiry or its refresh. */
function sessionFreshUntil(expiresAt: Date): number {
  const expires = expiresAt.getTime();
  return Math.min(
    expires,
    expires - SESSION_EXPIRES_IN_SECONDS * 1000 + SESSION_UPDATE_AGE_SECONDS * 1000,
  );
}

/**
 * The user behind a request's session cookie: a tampered or expired cookie, a signed-out session or
 * a disabled user all give null, on the very next request after the change.
 */
export async function getSessionUser(headers: Headers): Promise<SessionUser | null> {
  const cookie = await sessionCookieOf(headers);
  const cached = cookie === null ? undefined : sessions.get(cookie);
  if (cached) return cached;
  const begun = sessions.begin();
  const auth = await getAuth();
  const found = await auth.api.getSession({ headers, query: { disableCookieCache: true } });
  if (!found || found.user.disabled) return null;
  const role = roles.find((r) => r === found.user.role) ?? "viewer";
  const user: SessionUser = {
    id: found.user.id,
    email: found.user.email,
    name: found.user.name,
    role,
    accounts: seesAllAccounts(role) ? "all" : await listGrants(found.user.id),
  };
  // Shared by every request of the session from now on: nobody may change it.
  Object.freeze(user.accounts);
  if (cookie !== null)
    sessions.set(
      cookie,
      Object.freeze(user),
      begun,
      sessionFreshUntil(new Date(found.session.expiresAt)),
    );
  return user;
}

export async function listGrants(userId: string): Promise<GrantedAccount[]> {
  const db = await getDb();
  const rows = await db
    .select()
    .from(accountGrant)
    .where(eq(accountGrant.userId, userId))
    .orderBy(accountGrant.provider, accountGrant.accountName);
  return rows.map((r) => ({ provider: r.provider, account: r.account, name: r.accountName }));
}

export function mayOpenAccount(user: SessionUser, provider: string, account: string): boolean {
  return (
    user.accounts === "all" ||
    user.accounts.some((a) => a.provider === provider && a.account === account)
  );
}
