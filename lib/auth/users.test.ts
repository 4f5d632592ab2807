import { describe, expect, it } from "vitest";
import { engines, withTestDatabase } from "@/lib/db/testing";
import { getAuth } from "./auth";
import { seedSandboxUsers } from "./seed-sandbox";
import { getSessionUser } from "./session";
import { findUserByEmail } from "./users";

describe.each(engines)("sign-in on %s", (engine) => {
  withTestDatabase(engine);

  it("seeds the four sandbox users once, and a seeded user signs in to a session", async () => {
    await seedSandboxUsers();
    await seedSandboxUsers();
    const merchant = await findUserByEmail("Merchant@sandbox.test");
    expect(merchant?.role).toBe("merchant");

    const auth = await getAuth();
    const { headers } = await auth.api.signInEmail({
      body: { email: "merchant@sandbox.test", password: "sandbox-password" },
      returnHeaders: true,
    });
    const cookie = headers.get("set-cookie")?.split(";")[0] ?? "";
    expect(cookie).toMatch(/^wc\.session_token=/);
    expect(headers.get("set-cookie")).toMatch(/HttpOnly/i);
    expect(headers.get("set-cookie")).toMatch(/SameSite=Lax/i);

    const user = await getSessionUser(new Headers({ cookie }));
    expect(user).toMatchObject({ email: "merchant@sandbox.test", role: "merchant" });
    expect(user?.accounts).toEqual([
      { provider: "conekta", account: "6595f5005eed000000000004", name: "Panadería La Esperanza" },
      { provider: "razorpay", account: "acc_Ha6Vb2QzPQ9x1K", name: "Tienda Aurora" },
    ]);

    const tampered = cookie.slice(0, -3) + (cookie.endsWith("abc") ? "xyz" : "abc");
    expect(await getSessionUser(new Headers({ cookie: tampered }))).toBeNull();
  });

  it("refuses a wrong password", async () => {
    const auth = await getAuth();
    await expect(
      auth.api.signInEmail({ body: { email: "admin@sandbox.test", password: "wrong-password" } }),
    ).rejects.toThrow();
  });
});
