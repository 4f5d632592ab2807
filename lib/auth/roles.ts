/** The console's roles (DESIGN.md, "Who may do what"). Browser-safe. */
export const roles = ["admin", "support", "merchant", "viewer"] as const;
export type Role = (typeof roles)[number];
