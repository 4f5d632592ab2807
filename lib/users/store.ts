import "server-only";
import { and, asc, desc, eq, gt, ilike, inArray, lt, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db";
import { accountGrant, user } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import { decodeCursor, encodeCursor } from "@/lib/providers/cursor";
import type { GrantedAccountView, User, UserPage } from "./model";

/** Reading users for the users API: one page at a time by email, with their account grants. */

export const USERS_PAGE_SIZE = 20;

// Keyset paging on the unique email: `after` is the last email of a page, `before` the first.
const cursorSchema = z.union([z.object({ after: z.string() }), z.object({ before: z.string() })]);

type UserRow = typeof user.$inferSelect;

export function toUser(row: UserRow, accounts: GrantedAccountView[]): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabled,
    accounts,
    createdAt: row.createdAt.toISOString(),
  };
}

async function grantsOf(db: Database, userIds: string[]) {
  const byUser = new Map<string, GrantedAccountView[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .select()
    .from(accountGrant)
    .where(inArray(accountGrant.userId, userIds))
    .orderBy(accountGrant.provider, accountGrant.accountName, accountGrant.account);
  for (const row of rows) {
    const list = byUser.get(row.userId) ?? [];
    list.push({ provider: row.provider, account: row.account, name: row.accountName });
    byUser.set(row.userId, list);
  }
  return byUser;
}

/** `q` matches a part of the email or the name, ignoring case (LIKE's wildcards taken literally). */
function matching(q: string | undefined): SQL | undefined {
  const needle = q?.trim();
  if (!needle) return undefined;
  const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(ilike(user.email, pattern), ilike(user.name, pattern));
}

export async function listUsers(
  db: Database,
  input: { q?: string; cursor?: string },
): Promise<UserPage> {
  const position: { after?: string; before?: string } = input.cursor
    ? decodeCursor(input.cursor, cursorSchema)
    : {};
  const goingBack = position.before !== undefined;
  const rows = await db
    .select()
    .from(user)
    .where(
      and(
        matching(input.q),
        position.after !== undefined ? gt(user.email, position.after) : undefined,
        position.before !== undefined ? lt(user.email, position.before) : undefined,
      ),
    )
    .orderBy(goingBack ? desc(user.email) : asc(user.email))
    .limit(USERS_PAGE_SIZE + 1);
  const more = rows.length > USERS_PAGE_SIZE;
  const page = rows.slice(0, USERS_PAGE_SIZE);
  if (goingBack) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  // Going back, there is always a next page (the one we came from); going forward, a previous one.
  const hasNext = goingBack || more;
  const hasPrevious = goingBack ? more : position.after !== undefined;
  const grants = await grantsOf(
    db,
    page.map((r) => r.id),
  );
  return {
    data: page.map((r) => toUser(r, grants.get(r.id) ?? [])),
    page: {
      next: last && hasNext ? encodeCursor({ after: last.email }) : null,
      previous: first && hasPrevious ? encodeCursor({ before: first.email }) : null,
      hasMore: hasNext,
    },
  };
}

export async function findUser(db: Database, id: string): Promise<User | null> {
  const [row] = await db.select().from(user).where(eq(user.id, id));
  if (!row) return null;
  return toUser(row, (await grantsOf(db, [id])).get(id) ?? []);
}

export async function getUserOrThrow(db: Database, id: string): Promise<User> {
  const found = await findUser(db, id);
  if (!found) throw AppError.of("not_found", "userNotFound");
  return found;
}
