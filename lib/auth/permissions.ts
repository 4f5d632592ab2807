import type { Role } from "./roles";

/**
 * What each role may do (DESIGN.md, "Who may do what"). Browser-safe: pages hide what a role may
 * not do, and the route wrapper refuses it on the server with the same table.
 */
export type Permission =
  "webhooks:read" | "webhooks:write" | "webhooks:ping" | "audit:read" | "users:manage";

const permissionsOf: Record<Role, readonly Permission[]> = {
  admin: ["webhooks:read", "webhooks:write", "webhooks:ping", "audit:read", "users:manage"],
  support: ["webhooks:read", "webhooks:write", "webhooks:ping", "audit:read"],
  merchant: ["webhooks:read", "webhooks:write", "webhooks:ping", "audit:read"],
  viewer: ["webhooks:read"],
};

export function can(role: Role, permission: Permission): boolean {
  return permissionsOf[role].includes(permission);
}

/** Admins and support staff open every account; merchants and viewers only those granted. */
export function seesAllAccounts(role: Role): boolean {
  return role === "admin" || role === "support";
}

export type { Role };
