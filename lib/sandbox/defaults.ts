// The sandbox's documented defaults. The console uses the same values when it runs on the sandbox,
// so `npm start` with no configuration talks to a sandbox that accepts it.

export const SANDBOX_DEFAULT_PORT = 4010;

export const SANDBOX_CONEKTA_API_KEY = "key_sandbox_0000000000000000";
export const SANDBOX_RAZORPAY_KEY_ID = "rzp_test_Sandbox00000000";
export const SANDBOX_RAZORPAY_KEY_SECRET = "sandbox_secret_0000000000";

/** The seeded Razorpay sub-merchant accounts, `acc_` + 14 characters as Razorpay issues them. */
export const SANDBOX_RAZORPAY_ACCOUNTS = [
  { id: "acc_Ha6Vb2QzPQ9x1K", name: "Tienda Aurora" },
  { id: "acc_JkL3mN4pQ5rS6t", name: "Mumbai Spices" },
  { id: "acc_Zx8Yw7Vu6Ts5Rq", name: "Empty Books" },
] as const;
