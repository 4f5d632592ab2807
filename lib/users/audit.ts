import "server-only";
import { beginAudit, recordAudit, type AuditAction } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/session";
import { toAppError } from "@/lib/http/errors";
import { logError } from "@/lib/http/log";
import type { GrantedAccountView, UpdateUserInput, User } from "./model";

/**
 * User, role and grant changes in the audit log. Each change is its own entry (a PATCH that
 * changes the role and disables the user writes two), written `pending` before the database is
 * touched and sealed with the outcome after, like a webhook change. A grant's entry names its
 * provider and account, so it shows in that account's log.
 */

export interface UserChange {
  action: AuditAction;
  provider?: string;
  account?: string;
  before?: unknown;
  after?: unknown;
}

type Target = Pick<User, "id" | "email">;
const who = (target: Target) => ({ id: target.id, email: target.email });

export function grantChange(
  action: "grant.add" | "grant.remove",
  target: Target,
  grant: GrantedAccountView,
): UserChange {
  const state = { user: who(target), name: grant.name };
  return {
    action,
    provider: grant.provider,
    account: grant.account,
    ...(action === "grant.add" ? { after: state } : { before: state }),
  };
}

/** What a PATCH changes of a user, as audit entries (nothing for a field sent unchanged). */
export function changesOf(
  current: User,
  patch: UpdateUserInput,
  grants: { added: GrantedAccountView[]; removed: GrantedAccountView[] },
): UserChange[] {
  const user = who(current);
  const changes: UserChange[] = [];
  if (patch.name !== undefined && patch.name !== current.name)
    changes.push({
      action: "user.update",
      before: { user, name: current.name },
      after: { user, name: patch.name },
    });
  if (patch.role !== undefined && patch.role !== current.role)
    changes.push({
      action: "user.role_change",
      before: { user, role: current.role },
      after: { user, role: patch.role },
    });
  if (patch.disabled !== undefined && patch.disabled !== current.disabled)
    changes.push({
      action: patch.disabled ? "user.disable" : "user.enable",
      before: { user, disabled: current.disabled },
      after: { user, disabled: patch.disabled },
    });
  for (const grant of grants.added) changes.push(grantChange("grant.add", current, grant));
  for (const grant of grants.removed) changes.push(grantChange("grant.remove", current, grant));
  return changes;
}

/** Runs `work` between the changes' pending entries and their outcome ("ok" or the error code). */
export async function auditChanges<T>(
  actor: Actor,
  changes: readonly UserChange[],
  work: () => Promise<T>,
): Promise<T> {
  const entries: Awaited<ReturnType<typeof beginAudit>>[] = [];
  for (const change of changes) entries.push(await beginAudit({ actor, ...change }));
  const completeAll = (outcome: string) =>
    Promise.all(
      entries.map((e) => e.complete(outcome).catch((x: unknown) => logError(actor.requestId, x))),
    );
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await completeAll(toAppError(error).code);
    throw error;
  }
  await completeAll("ok");
  return result;
}

/**
 * A change refused before it was tried (an email already taken, an account that does not exist at
 * the provider, the last admin): one finished entry with the error code. An unknown user id is not
 * recorded: there is nobody to attribute it to.
 */
export async function recordRefusal(actor: Actor, change: UserChange, error: unknown) {
  const code = toAppError(error).code;
  if (code === "not_found") return;
  await recordAudit({ actor, ...change, outcome: code }).catch((x: unknown) =>
    logError(actor.requestId, x),
  );
}
