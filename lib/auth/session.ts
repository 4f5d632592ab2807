import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { accountGrant } from "@/lib/db/schema";
import { getAuth } from "./auth";
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
 * The user behind a request's session cookie, read from the database on every request: a tampered
 * or expired cookie, a signed-out session or a disabled user all give null.
 */
export async function getSessionUser(headers: Headers): Promise<SessionUser | null> {
  const auth = await getAuth();
  const found = await auth.api.getSession({ headers, query: { disableCookieCache: true } });
  if (!found || found.user.disabled) return null;
  const role = roles.find((r) => r === found.user.role) ?? "viewer";
  return {
    id: found.user.id,
    email: found.user.email,
    name: found.user.name,
    role,
    accounts: seesAllAccounts(role) ? "all" : await listGrants(found.user.id),
  };
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
