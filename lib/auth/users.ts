import "server-only";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { account, accountGrant, user } from "@/lib/db/schema";
import { getAuth } from "./auth";
import type { Role } from "./roles";

export interface NewUser {
  /** Chosen by the caller when it must name the user before it exists (the audit log); else random. */
  id?: string;
  email: string;
  name: string;
  role: Role;
  password: string;
  grants?: readonly { provider: string; account: string; accountName: string }[];
}

/** Creates a user with an email-and-password login, and its account grants, in one transaction. */
export async function createUser(input: NewUser): Promise<{ id: string }> {
  const { password } = await getAuth().then((a) => a.$context);
  const hash = await password.hash(input.password);
  const db = await getDb();
  const id = input.id ?? randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(user).values({
      id,
      email: input.email.toLowerCase(),
      name: input.name,
      role: input.role,
    });
    // better-auth's email-and-password login: a "credential" account holding the scrypt hash.
    await tx.insert(account).values({
      id: randomUUID(),
      userId: id,
      accountId: id,
      providerId: "credential",
      password: hash,
    });
    if (input.grants?.length)
      await tx.insert(accountGrant).values(input.grants.map((g) => ({ userId: id, ...g })));
  });
  return { id };
}

export async function findUserByEmail(email: string) {
  const db = await getDb();
  const [row] = await db.select().from(user).where(eq(user.email, email.toLowerCase()));
  return row ?? null;
}
