"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslations } from "use-intl";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormField, describedBy, useFieldMessage } from "@/components/webhooks/form-field";
import { apiFetch, ApiError } from "@/lib/webhooks/api-client";

const signInSchema = z.object({
  email: z.email("validation.emailInvalid"),
  password: z.string().min(1, "validation.passwordRequired"),
});
type SignInValues = z.infer<typeof signInSchema>;

export interface DemoUser {
  email: string;
  role: string;
}

/** Email and password; on success the whole app reloads with the session (server-rendered pages). */
export function SignInForm({
  next,
  demoUsers,
  demoPassword,
}: {
  next: string;
  demoUsers?: readonly DemoUser[];
  demoPassword?: string;
}) {
  const t = useTranslations("auth");
  const fieldMessage = useFieldMessage();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<SignInValues>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: "", password: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await apiFetch("/api/auth/sign-in", { method: "POST", body: JSON.stringify(values) });
      window.location.assign(next);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    }
  });

  const emailError = fieldMessage(errors.email?.message);
  const passwordError = fieldMessage(errors.password?.message);
  return (
    <div className="space-y-6">
      {/* POST: a submit before the page's code is here (Enter at once, or a password manager's)
          goes to this page, which only renders again; the password never goes into the address. */}
      <form
        method="post"
        onSubmit={(event) => void onSubmit(event)}
        noValidate
        className="space-y-4"
      >
        {error && (
          <p
            role="alert"
            className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800"
          >
            {error}
          </p>
        )}
        <FormField id="email" label={t("email")} error={emailError}>
          <Input
            id="email"
            type="email"
            autoComplete="username"
            aria-invalid={!!emailError}
            aria-describedby={describedBy("email", { error: emailError })}
            {...form.register("email")}
          />
        </FormField>
        <FormField id="password" label={t("password")} error={passwordError}>
          <Input
            id="password"
            type="password"
            autoComplete="current-password"
            aria-invalid={!!passwordError}
            aria-describedby={describedBy("password", { error: passwordError })}
            {...form.register("password")}
          />
        </FormField>
        <Button type="submit" disabled={isSubmitting} className="w-full">
          {isSubmitting ? t("signingIn") : t("signIn")}
        </Button>
      </form>
      {demoUsers && demoPassword && (
        <section
          aria-labelledby="demo-users"
          className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm"
        >
          <h2 id="demo-users" className="font-semibold text-amber-900">
            {t("demoUsersTitle")}
          </h2>
          <p className="mt-1 text-amber-900">{t("demoUsersIntro", { password: demoPassword })}</p>
          <ul className="mt-3 space-y-2">
            {demoUsers.map((user) => (
              <li key={user.email} className="flex flex-wrap items-center justify-between gap-2">
                <span className="text-amber-900">{user.role}</span>
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() => {
                    form.setValue("email", user.email);
                    form.setValue("password", demoPassword);
                  }}
                >
                  {t("useDemoUser", { email: user.email })}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
