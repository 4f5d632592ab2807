// The sandbox's documented defaults. The console uses the same values when it runs on the sandbox,
// so `npm start` with no configuration talks to a sandbox that accepts it.

export const SANDBOX_DEFAULT_PORT = 4010;

export const SANDBOX_CONEKTA_API_KEY = "key_sandbox_0000000000000000";
export const SANDBOX_RAZORPAY_KEY_ID = "rzp_test_Sandbox00000000";
export const SANDBOX_RAZORPAY_KEY_SECRET = "sandbox_secret_0000000000";

/**
 * The sandbox's keys by the variable that would hold them, for lib/env.ts to use when the console
 * runs on the sandbox. Kept here, not in the providers' env schemas, which the browser loads.
 */
export const SANDBOX_KEYS: Record<string, string> = {
  CONEKTA_API_KEY: SANDBOX_CONEKTA_API_KEY,
  RAZORPAY_KEY_ID: SANDBOX_RAZORPAY_KEY_ID,
  RAZORPAY_KEY_SECRET: SANDBOX_RAZORPAY_KEY_SECRET,
};

/** The seeded Razorpay sub-merchant accounts, `acc_` + 14 characters as Razorpay issues them. */
export const SANDBOX_RAZORPAY_ACCOUNTS = [
  { id: "acc_Ha6Vb2QzPQ9x1K", name: "Tienda Aurora" },
  { id: "acc_JkL3mN4pQ5rS6t", name: "Mumbai Spices" },
  { id: "acc_Zx8Yw7Vu6Ts5Rq", name: "Empty Books" },
] as const;

/** The sandbox's demo users (all with SANDBOX_PASSWORD); the merchant and viewer open two accounts. */
export const SANDBOX_PASSWORD = "sandbox-password";
const DEMO_GRANTS = [
  {
    provider: "conekta",
    account: "6595f5005eed000000000004",
    accountName: "Panadería La Esperanza",
  },
  { provider: "razorpay", account: "acc_Ha6Vb2QzPQ9x1K", accountName: "Tienda Aurora" },
] as const;
export const SANDBOX_DEMO_USERS = [
  { email: "admin@sandbox.test", name: "Ada Admin", role: "admin", grants: [] },
  { email: "support@sandbox.test", name: "Sam Support", role: "support", grants: [] },
  { email: "merchant@sandbox.test", name: "Mara Merchant", role: "merchant", grants: DEMO_GRANTS },
  { email: "viewer@sandbox.test", name: "Vic Viewer", role: "viewer", grants: DEMO_GRANTS },
] as const;
