import { hkdfSync } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { withTestDatabase } from "@/lib/db/testing";
import { setting } from "@/lib/db/schema";

const env = vi.hoisted(() => ({ sessionSecret: null as string | null }));
vi.mock("@/lib/env", () => ({ getEnv: () => env }));

const db = withTestDatabase("pglite");
const PURPOSE = "webhook-console test v1";

/** A fresh module each time: the key is cached for the life of the process. */
async function serverKey(purpose = PURPOSE) {
  vi.resetModules();
  return (await import("./server-key")).getServerKey(purpose);
}

const hkdf = (secret: string, purpose: string) =>
  Buffer.from(hkdfSync("sha256", secret, "", purpose, 32));

describe("server keys", () => {
  beforeEach(() => {
    env.sessionSecret = null;
  });

  it("derive from SESSION_SECRET when it is configured, one key per purpose", async () => {
    env.sessionSecret = "a".repeat(32);
    const key = await serverKey();
    expect(key).toEqual(hkdf(env.sessionSecret, PURPOSE));
    expect(key.equals(Buffer.from(env.sessionSecret))).toBe(false);
    expect((await serverKey("webhook-console other v1")).equals(key)).toBe(false);
  });

  it("derive from the secret the database keeps for every instance otherwise, the same each time", async () => {
    const key = await serverKey();
    const [row] = await db().select().from(setting).where(eq(setting.key, "session_secret"));
    expect(row?.value).toMatch(/\S{32}/);
    expect(key).toEqual(hkdf(row?.value ?? "", PURPOSE));
    expect(await serverKey()).toEqual(key);
  });
});
