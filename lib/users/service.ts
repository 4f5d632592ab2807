import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { and, eq, ne, sql } from "drizzle-orm";
import { getAuth } from "@/lib/auth/auth";
import type { Actor } from "@/lib/auth/session";
import { createUser, findUserByEmail } from "@/lib/auth/users";
import { getDb, type Database } from "@/lib/db";
import { announce } from "@/lib/db/read-cache";
import { account, accountGrant, session, user } from "@/lib/db/schema";
import { AppError } from "@/lib/http/errors";
import type { Language } from "@/lib/http/language";
import { auditChanges, changesOf, grantChange, recordRefusal, type UserChange } from "./audit";
import { diffGrants, resolveGrants } from "./grants";
import type { CreateUserInput, OneTimePasswordReply, UpdateUserInput, User } from "./model";
import { getUserOrThrow } from "./store";

/**
 * Changing users: create with a one-time password, edit name, role, disabled and grants, reset a
 * password. Accounts are checked at their providers before anything is stored; each change is then
 * one transaction, audited. Changes take turns on one advisory lock, so that two admins demoting
 * each other at once on two instances cannot leave the console without an enabled admin.
 */

// Any fixed 64-bit number, distinct from the migration and audit chain locks.
const USERS_LOCK = 3_905_117_264_408_551;

/** A password to give a person once: 15 random bytes, 20 base64url characters. */
export function generateOneTimePassword(): string {
  return randomBytes(15).toString("base64url");
}

/** PostgreSQL's unique_violation, possibly wrapped by drizzle (DrizzleQueryError's cause). */
function isUniqueViolation(error: unknown): boolean {
  let e = error;
  for (let depth = 0; e !== null && typeof e === "object" && depth < 5; depth++) {
    if ((e as { code?: unknown }).code === "23505") return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

async function hashPassword(password: string) {
  const context = await (await getAuth()).$context;
  return context.password.hash(password);
}

export async function createConsoleUser(
  input: CreateUserInput,
  actor: Actor,
  language: Language,
): Promise<OneTimePasswordReply> {
  const db = await getDb();
  const summary = { email: input.email, name: input.name, role: input.role };
  const taken = () => AppError.of("conflict", "emailTaken", { email: input.email });
  let grants;
  try {
    if (await findUserByEmail(input.email)) throw taken();
    grants = await resolveGrants(input.accounts ?? [], [], language);
  } catch (error) {
    await recordRefusal(actor, { action: "user.create", after: summary }, error);
    throw error;
  }
  const target = { id: randomUUID(), email: input.email };
  const changes: UserChange[] = [
    { action: "user.create", after: { id: target.id, ...summary, accounts: grants } },
    ...grants.map((g) => grantChange("grant.add", target, g)),
  ];
  const oneTimePassword = generateOneTimePassword();
  const { id } = await auditChanges(actor, changes, () =>
    createUser({
      id: target.id,
      ...summary,
      password: oneTimePassword,
      grants: grants.map((g) => ({
        provider: g.provider,
        account: g.account,
        accountName: g.name,
      })),
    }).catch((error: unknown) => {
      // Another admin created the same email a moment ago.
      throw isUniqueViolation(error) ? taken() : error;
    }),
  );
  return { user: await getUserOrThrow(db, id), oneTimePassword };
}

/** Refuses what would leave no enabled admin; runs inside the users lock. */
async function assertAdminRemains(tx: Database, id: string, patch: UpdateUserInput) {
  const [row] = await tx.select().from(user).where(eq(user.id, id));
  if (!row) throw AppError.of("not_found", "userNotFound");
  const demoted = patch.role !== undefined && patch.role !== "admin";
  if (row.role !== "admin" || row.disabled || !(demoted || patch.disabled === true)) return;
  const [other] = await tx
    .select({ id: user.id })
    .from(user)
    .where(and(eq(user.role, "admin"), eq(user.disabled, false), ne(user.id, id)))
    .limit(1);
  if (!other) throw AppError.of("conflict", "lastAdmin", { email: row.email });
}

/** PATCH a user: name, role, disabled and (when given) the whole list of account grants. */
export async function updateConsoleUser(
  id: string,
  patch: UpdateUserInput,
  actor: Actor,
  language: Language,
): Promise<User> {
  const db = await getDb();
  const current = await getUserOrThrow(db, id);
  const refused = async (action: UserChange["action"], error: unknown) => {
    await recordRefusal(
      actor,
      { action, after: { user: { id, email: current.email }, ...patch } },
      error,
    );
    return error;
  };
  if (patch.disabled === true && actor.user?.id === id)
    throw await refused("user.disable", AppError.of("conflict", "cannotDisableSelf"));
  const grants =
    patch.accounts &&
    (await resolveGrants(patch.accounts, current.accounts, language).catch(
      async (error: unknown) => {
        throw await refused("grant.add", error);
      },
    ));
  const diff = grants ? diffGrants(current.accounts, grants) : { added: [], removed: [] };
  const changes = changesOf(current, patch, diff);
  if (changes.length === 0) return current;

  await auditChanges(actor, changes, () =>
    db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${USERS_LOCK})`);
      await assertAdminRemains(tx, id, patch);
      const { name, role, disabled } = patch;
      if (name !== undefined || role !== undefined || disabled !== undefined)
        await tx
          .update(user)
          .set({ name, role, disabled, updatedAt: new Date() })
          .where(eq(user.id, id));
      // A disabled user's sessions end now, on every instance (lib/auth/session.ts's cache is
      // evicted by the deletes).
      if (disabled === true) await tx.delete(session).where(eq(session.userId, id));
      if (grants) {
        await tx.delete(accountGrant).where(eq(accountGrant.userId, id));
        if (grants.length > 0)
          await tx.insert(accountGrant).values(
            grants.map((g) => ({
              userId: id,
              provider: g.provider,
              account: g.account,
              accountName: g.name,
            })),
          );
      }
    }),
  );
  // Every instance hears it from the database; this one forgets the user before it replies.
  announce(`user:${id}`);
  return getUserOrThrow(db, id);
}

/** A new one-time password for someone else; their sessions end. */
export async function resetPassword(id: string, actor: Actor): Promise<OneTimePasswordReply> {
  const db = await getDb();
  const current = await getUserOrThrow(db, id);
  const target = { user: { id, email: current.email } };
  // Their own password they change knowing the current one (Change password), not here.
  if (actor.user?.id === id) {
    const error = AppError.of("conflict", "cannotResetOwnPassword");
    await recordRefusal(actor, { action: "user.update", after: target }, error);
    throw error;
  }
  const oneTimePassword = generateOneTimePassword();
  const hash = await hashPassword(oneTimePassword);
  const change = { action: "user.update" as const, after: { ...target, passwordReset: true } };
  await auditChanges(actor, [change], () =>
    db.transaction(async (tx) => {
      const updated = await tx
        .update(account)
        .set({ password: hash, updatedAt: new Date() })
        .where(and(eq(account.userId, id), eq(account.providerId, "credential")))
        .returning({ id: account.id });
      if (updated.length === 0)
        await tx.insert(account).values({
          id: randomUUID(),
          userId: id,
          accountId: id,
          providerId: "credential",
          password: hash,
        });
      await tx.delete(session).where(eq(session.userId, id));
    }),
  );
  announce(`user:${id}`);
  return { user: current, oneTimePassword };
}
