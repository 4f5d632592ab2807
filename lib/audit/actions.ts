/**
 * What the audit log records, one name per kind of change. Browser-safe: the audit page's Action
 * filter lists these, and the API refuses any other.
 */
export const auditActions = [
  "webhook.create",
  "webhook.update",
  "webhook.delete",
  "webhook.enable",
  "webhook.disable",
  "webhook.ping",
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.sign_out",
  "auth.password_change",
  "user.create",
  "user.update",
  "user.role_change",
  "user.disable",
  "user.enable",
  "grant.add",
  "grant.remove",
] as const;

export type AuditAction = (typeof auditActions)[number];

/** An entry written before the provider answered and not completed (yet, or ever: a crash). */
export const PENDING = "pending";

/** A change that went through. */
export const OK = "ok";

/**
 * A change whose reply was lost, which the provider then showed had been made (a create adopted, an
 * edit read back, a delete found gone: lib/webhooks/reconcile.ts). It went through, like `ok`.
 */
export const RECONCILED = "reconciled";

/** The outcomes of a change that was made. */
export type DoneOutcome = typeof OK | typeof RECONCILED;

/** Whether an entry's change was made: `after` is then what the webhook became. */
export function wentThrough(outcome: string): outcome is DoneOutcome {
  return outcome === OK || outcome === RECONCILED;
}
