import { z } from "zod";
import { roles } from "@/lib/auth/roles";
import { pageInfoSchema, providerIdSchema } from "@/lib/webhooks/model";

/**
 * The users API's model (JSON on the wire) and the input schemas that the users page's forms and
 * the route handlers share. Browser-safe. Field messages are `validation.*` keys, so that the API
 * answers them in the user's language and the forms show them the same way.
 */

export const grantedAccountSchema = z.object({
  provider: z.string(),
  account: z.string(),
  /** The account's name at the provider when it was granted. */
  name: z.string(),
});
export type GrantedAccountView = z.infer<typeof grantedAccountSchema>;

export const roleSchema = z.enum(roles, { error: "validation.roleInvalid" });

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  disabled: z.boolean(),
  /** Kept for every role; only a merchant's or a viewer's open anything (admin and support see all). */
  accounts: z.array(grantedAccountSchema),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const userPageSchema = z.object({ data: z.array(userSchema), page: pageInfoSchema });
export type UserPage = z.infer<typeof userPageSchema>;

/** A new user, or a reset password: the only time the password is ever shown. */
export const oneTimePasswordReplySchema = z.object({
  user: userSchema,
  oneTimePassword: z.string(),
});
export type OneTimePasswordReply = z.infer<typeof oneTimePasswordReplySchema>;

export const emailSchema = z
  .string({ error: "validation.emailInvalid" })
  .trim()
  .toLowerCase()
  .max(254, "validation.emailInvalid")
  .pipe(z.email("validation.emailInvalid"));

export const userNameSchema = z
  .string({ error: "validation.nameRequired" })
  .trim()
  .min(1, "validation.nameRequired")
  .max(100, "validation.nameTooLong");

/** An account to grant: which provider, which account there (checked at the provider on save). */
export const accountRefSchema = z.object({
  provider: providerIdSchema,
  account: z
    .string({ error: "validation.accountInvalid" })
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "validation.accountInvalid"),
});
export type AccountRef = z.infer<typeof accountRefSchema>;

export const MAX_GRANTS = 100;
const accountRefsSchema = z.array(accountRefSchema).max(MAX_GRANTS, "validation.tooManyAccounts");

export const createUserSchema = z.object({
  email: emailSchema,
  name: userNameSchema,
  role: roleSchema,
  accounts: accountRefsSchema.optional(),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

/** PATCH: any of these; `accounts`, when given, replaces the user's grants in the same transaction. */
export const updateUserSchema = z.object({
  name: userNameSchema.optional(),
  role: roleSchema.optional(),
  disabled: z.boolean({ error: "validation.disabledInvalid" }).optional(),
  accounts: accountRefsSchema.optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const replaceGrantsSchema = z.object({ accounts: accountRefsSchema });
