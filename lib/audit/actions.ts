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
