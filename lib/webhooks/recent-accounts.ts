import "server-only";
import { and, desc, eq, notInArray } from "drizzle-orm";
import { mayOpenAccount, type SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { recentAccount } from "@/lib/db/schema";
import { logError } from "@/lib/http/log";
import type { Account, ProviderId } from "./model";

/**
 * The accounts a user opened last, per provider, kept in the database so that they follow the user
 * to any instance and any browser: the account switcher offers them first.
 */
export const RECENT_ACCOUNTS_KEPT = 5;

/** Notes that the user opened this account now; only the newest few per provider are kept. */
export async function rememberAccount(user: Pick<SessionUser, "id">, account: Account) {
  const db = await getDb();
  const row = {
    userId: user.id,
    provider: account.provider,
    account: account.id,
    name: account.name,
    kind: account.kind ?? null,
    visitedAt: new Date(),
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(recentAccount)
      .values(row)
      .onConflictDoUpdate({
        target: [recentAccount.userId, recentAccount.provider, recentAccount.account],
        set: { name: row.name, kind: row.kind, visitedAt: row.visitedAt },
      });
    const newest = tx
      .select({ account: recentAccount.account })
      .from(recentAccount)
      .where(and(eq(recentAccount.userId, user.id), eq(recentAccount.provider, account.provider)))
      .orderBy(desc(recentAccount.visitedAt))
      .limit(RECENT_ACCOUNTS_KEPT);
    await tx
      .delete(recentAccount)
      .where(
        and(
          eq(recentAccount.userId, user.id),
          eq(recentAccount.provider, account.provider),
          notInArray(recentAccount.account, newest),
        ),
      );
  });
}

/**
 * The user's recent accounts at this provider, newest first; an account no longer granted to the
 * user is left out.
 */
export async function recentAccounts(user: SessionUser, provider: ProviderId): Promise<Account[]> {
  const db = await getDb();
  const rows = await db
    .select()
    .from(recentAccount)
    .where(and(eq(recentAccount.userId, user.id), eq(recentAccount.provider, provider)))
    .orderBy(desc(recentAccount.visitedAt))
    .limit(RECENT_ACCOUNTS_KEPT);
  return rows
    .filter((row) => mayOpenAccount(user, provider, row.account))
    .map((row) => ({
      id: row.account,
      name: row.name,
      provider,
      ...(row.kind === "holding" || row.kind === "account" ? { kind: row.kind } : {}),
    }));
}

/**
 * For a page: remembers this visit and returns the recent accounts. A page must not fail because
 * the list of recent accounts could not be kept: the failure is logged, and the list is empty.
 */
export async function visitAccount(
  user: SessionUser,
  provider: ProviderId,
  current: Account | null,
): Promise<Account[]> {
  try {
    if (current) await rememberAccount(user, current);
    return await recentAccounts(user, provider);
  } catch (error) {
    logError("recent-accounts", error);
    return [];
  }
}
