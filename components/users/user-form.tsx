"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Controller, useForm, useWatch } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { useTranslations } from "use-intl";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { FormField, describedBy, useFieldMessage } from "@/components/webhooks/form-field";
import { seesAllAccounts } from "@/lib/auth/permissions";
import { useUpdateUser } from "@/lib/users/mutations";
import {
  accountRefSchema,
  grantedAccountSchema,
  roleSchema,
  userNameSchema,
  type User,
} from "@/lib/users/model";
import type { ProviderInfo } from "@/lib/users/providers";
import { ApiError } from "@/lib/webhooks/api-client";
import { AccountPicker } from "./account-picker";
import { RoleSelect } from "./role-select";

const userFormSchema = z.object({
  name: userNameSchema,
  role: roleSchema,
  disabled: z.boolean(),
  accounts: z.array(grantedAccountSchema),
});
type UserFormValues = z.infer<typeof userFormSchema>;
const FIELDS = ["name", "role", "disabled", "accounts"] as const;

/**
 * Name, role, the account grants and "Disabled", saved together (one PATCH, one transaction). The
 * server's field errors land on their fields, and everything chosen stays when a save fails.
 */
export function UserForm({
  user,
  providers,
  isSelf,
}: {
  user: User;
  providers: readonly ProviderInfo[];
  isSelf: boolean;
}) {
  const t = useTranslations("users");
  const fieldMessage = useFieldMessage();
  const update = useUpdateUser(user.id);
  const form = useForm<UserFormValues>({
    resolver: zodResolver(userFormSchema),
    defaultValues: {
      name: user.name,
      role: user.role,
      disabled: user.disabled,
      accounts: user.accounts,
    },
  });
  const { errors, isSubmitting } = form.formState;
  const saving = isSubmitting || update.isPending;
  const role = useWatch({ control: form.control, name: "role" });

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const saved = await update.mutateAsync({
        ...values,
        accounts: values.accounts.map(({ provider, account }) =>
          accountRefSchema.parse({ provider, account }),
        ),
      });
      form.reset({ ...values, accounts: saved.accounts });
      toast.success(t("saved", { email: saved.email }));
    } catch (error) {
      const fields = error instanceof ApiError ? (error.envelope.fields ?? {}) : {};
      for (const name of FIELDS) {
        const messages = Object.entries(fields)
          .filter(([key]) => key === name || key.startsWith(`${name}.`))
          .flatMap(([, list]) => list);
        if (messages.length > 0)
          form.setError(name, { type: "server", message: messages.join(" ") });
      }
      toast.error(t("saveFailed", { message: error instanceof Error ? error.message : "" }));
    }
  });

  const nameError = fieldMessage(errors.name?.message);
  const roleError = fieldMessage(errors.role?.message);
  const accountsError = fieldMessage(errors.accounts?.message);
  const roleHint = seesAllAccounts(role) ? t("roleHintAll") : t("roleHintGranted");
  const disabledHint = isSelf ? t("disabledSelf") : t("disabledHint");
  return (
    <form
      method="post"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      className="max-w-3xl space-y-6"
    >
      <FormField id="user-name" label={t("name")} error={nameError}>
        <Input
          id="user-name"
          autoComplete="off"
          aria-invalid={nameError ? true : undefined}
          aria-describedby={describedBy("user-name", { error: nameError })}
          {...form.register("name")}
        />
      </FormField>
      <FormField id="user-role" label={t("role")} error={roleError} hint={roleHint}>
        <RoleSelect
          id="user-role"
          invalid={!!roleError}
          aria-describedby={describedBy("user-role", { error: roleError, hint: roleHint })}
          {...form.register("role")}
        />
      </FormField>
      <div className="space-y-1">
        <Controller
          control={form.control}
          name="accounts"
          render={({ field }) => (
            <AccountPicker
              id="user-accounts"
              providers={providers}
              value={field.value}
              onChange={field.onChange}
              invalid={accountsError !== undefined}
              describedBy={accountsError ? "user-accounts-error" : undefined}
            />
          )}
        />
        {accountsError && (
          <p id="user-accounts-error" className="text-sm text-red-700">
            {accountsError}
          </p>
        )}
      </div>
      <div className="space-y-1">
        <div className="flex items-center gap-3">
          <Controller
            control={form.control}
            name="disabled"
            render={({ field }) => (
              <Switch
                id="user-disabled"
                checked={field.value}
                onCheckedChange={field.onChange}
                disabled={isSelf && !field.value}
                aria-describedby="user-disabled-hint"
              />
            )}
          />
          <label htmlFor="user-disabled" className="text-sm font-medium text-slate-800">
            {t("disabled")}
          </label>
        </div>
        <p id="user-disabled-hint" className="text-xs text-slate-500">
          {fieldMessage(errors.disabled?.message) ?? disabledHint}
        </p>
      </div>
      <Button type="submit" disabled={saving} aria-busy={saving}>
        {saving ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
