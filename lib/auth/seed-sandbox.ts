import "server-only";
import { SANDBOX_DEMO_USERS, SANDBOX_PASSWORD } from "@/lib/sandbox/defaults";
import { createUser, findUserByEmail } from "./users";

/** On the sandbox, the four demo users exist (DESIGN.md); creating them again changes nothing. */
export async function seedSandboxUsers() {
  for (const demo of SANDBOX_DEMO_USERS) {
    if (await findUserByEmail(demo.email)) continue;
    await createUser({ ...demo, password: SANDBOX_PASSWORD }).catch(async (error: unknown) => {
      // Another instance created the same user a moment ago.
      if (!(await findUserByEmail(demo.email))) throw error;
    });
  }
}
