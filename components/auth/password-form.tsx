"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { useTranslations } from "use-intl";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormField, describedBy, useFieldMessage } from "@/components/webhooks/form-field";
import { apiFetch, ApiError } from "@/lib/webhooks/api-client";

const passwordSchema = z.object({
  currentPassword: z.string().min(1, "validation.passwordRequired"),
  newPassword: z.string().min(12, "validation.passwordTooShort").max(256),
});
type PasswordValues = z.infer<typeof passwordSchema>;

/** Changes the signed-in user's password; what was typed stays when the server refuses it. */
export function PasswordForm() {
  const t = useTranslations("auth");
  const fieldMessage = useFieldMessage();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<PasswordValues>({
    resolver: zodResolver(passwordSchema),
    defaultValues: { currentPassword: "", newPassword: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await apiFetch("/api/auth/password", { method: "POST", body: JSON.stringify(values) });
      form.reset();
      toast.success(t("passwordChanged"));
    } catch (caught) {
      if (!(caught instanceof ApiError)) return setError(String(caught));
      const fields = caught.envelope.fields ?? {};
      for (const name of ["currentPassword", "newPassword"] as const) {
        const message = fields[name]?.[0];
        if (message) form.setError(name, { message });
      }
      if (!fields.currentPassword && !fields.newPassword) setError(caught.message);
    }
  });

  const current = fieldMessage(errors.currentPassword?.message);
  const next = fieldMessage(errors.newPassword?.message);
  return (
    <form
      method="post"
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      className="max-w-sm space-y-4"
    >
      {error && (
        <p
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800"
        >
          {error}
        </p>
      )}
      <FormField id="currentPassword" label={t("currentPassword")} error={current}>
        <Input
          id="currentPassword"
          type="password"
          autoComplete="current-password"
          aria-invalid={!!current}
          aria-describedby={describedBy("currentPassword", { error: current })}
          {...form.register("currentPassword")}
        />
      </FormField>
      <FormField id="newPassword" label={t("newPassword")} error={next} hint={t("newPasswordHint")}>
        <Input
          id="newPassword"
          type="password"
          autoComplete="new-password"
          aria-invalid={!!next}
          aria-describedby={describedBy("newPassword", { error: next, hint: t("newPasswordHint") })}
          {...form.register("newPassword")}
        />
      </FormField>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("saving") : t("changePassword")}
      </Button>
    </form>
  );
}
