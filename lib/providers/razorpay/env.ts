import { z } from "zod";
import { httpUrl, optionalText } from "@/lib/config/fields";
import type { ProviderEnv } from "@/lib/providers/descriptor";
import { SANDBOX_RAZORPAY_ACCOUNTS } from "@/lib/sandbox/defaults";

export interface RazorpayAccount {
  id: string;
  name: string;
}

export interface RazorpayEnvConfig {
  keyId: string;
  keySecret: string;
  apiBase: string;
  accounts: RazorpayAccount[];
}

/** `acc_id=Name` pairs, comma separated: the partner's sub-merchants the console may open. */
const accountListSchema = z.string().transform((v, ctx) => {
  const accounts = v
    .split(",")
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const [id = "", ...name] = pair.split("=");
      return { id: id.trim(), name: name.join("=").trim() || id.trim() };
    });
  const bad = accounts.find((a) => !/^acc_[A-Za-z0-9]{14}$/.test(a.id));
  if (bad) {
    ctx.addIssue({
      code: "custom",
      message: `"${bad.id}" is not a Razorpay account id (acc_ + 14 characters)`,
    });
    return z.NEVER;
  }
  return accounts;
});

/** Razorpay's configuration: the key id and its secret are both secrets, and come together. */
export const razorpayEnv: ProviderEnv<RazorpayEnvConfig> = {
  variables: {
    RAZORPAY_KEY_ID: { secret: true },
    RAZORPAY_KEY_SECRET: { secret: true },
    RAZORPAY_API_BASE: { secret: false },
    RAZORPAY_ACCOUNTS: { secret: false },
  },
  schema: z
    .object({
      RAZORPAY_KEY_ID: z
        .string()
        .regex(/^rzp_(test|live)_\w+$/, "must be a Razorpay key id (rzp_test_… or rzp_live_…)")
        .optional(),
      RAZORPAY_KEY_SECRET: optionalText,
      RAZORPAY_API_BASE: httpUrl.optional(),
      RAZORPAY_ACCOUNTS: accountListSchema.optional(),
    })
    .superRefine((v, ctx) => {
      if ((v.RAZORPAY_KEY_ID === undefined) === (v.RAZORPAY_KEY_SECRET === undefined)) return;
      const missing = v.RAZORPAY_KEY_ID === undefined ? "RAZORPAY_KEY_ID" : "RAZORPAY_KEY_SECRET";
      ctx.addIssue({
        code: "custom",
        path: [missing],
        message: "is required when the other Razorpay key is set",
      });
    }),
  toConfig(values, { sandbox, sandboxBase }) {
    const v = values as {
      RAZORPAY_KEY_ID?: string;
      RAZORPAY_KEY_SECRET?: string;
      RAZORPAY_API_BASE?: string;
      RAZORPAY_ACCOUNTS?: RazorpayAccount[];
    };
    if (!v.RAZORPAY_KEY_ID || !v.RAZORPAY_KEY_SECRET) return null;
    return {
      keyId: v.RAZORPAY_KEY_ID,
      keySecret: v.RAZORPAY_KEY_SECRET,
      apiBase:
        v.RAZORPAY_API_BASE ?? (sandbox ? `${sandboxBase}/razorpay` : "https://api.razorpay.com"),
      accounts:
        v.RAZORPAY_ACCOUNTS ?? (sandbox ? SANDBOX_RAZORPAY_ACCOUNTS.map((a) => ({ ...a })) : []),
    };
  },
};
