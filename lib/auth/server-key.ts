import "server-only";
import { hkdf } from "node:crypto";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { getSharedSecret } from "./auth";

const keys = new Map<string, Promise<Buffer>>();

/**
 * A 32-byte key for one purpose (say "webhook-console cursor v1"), derived with HKDF-SHA256 from the
 * secret the sessions are signed with: SESSION_SECRET, else the one every instance shares through
 * the database. Every instance derives the same key, and a key for one purpose tells nothing about
 * the secret or about another purpose's key, so a MAC made for one use is never valid for another.
 */
export function getServerKey(purpose: string): Promise<Buffer> {
  let key = keys.get(purpose);
  if (!key) {
    key = deriveKey(purpose);
    keys.set(purpose, key);
    // A failed read of the secret (the database was down) is tried again on the next call.
    key.catch(() => keys.delete(purpose));
  }
  return key;
}

async function deriveKey(purpose: string): Promise<Buffer> {
  const secret = await getSharedSecret(await getDb(), "session_secret", getEnv().sessionSecret);
  return new Promise((resolve, reject) => {
    hkdf("sha256", secret, "", purpose, 32, (error, derived) => {
      if (error) reject(error);
      else resolve(Buffer.from(derived));
    });
  });
}
