import "server-only";
import { getEnv } from "@/lib/env";
import { SANDBOX_DEMO_USERS, SANDBOX_PASSWORD } from "@/lib/sandbox/defaults";

/** The sandbox's demo users and their password, for the sign-in page; none off the sandbox. */
export function getDemoUsers() {
  if (!getEnv().sandbox) return null;
  return { users: SANDBOX_DEMO_USERS, password: SANDBOX_PASSWORD };
}
