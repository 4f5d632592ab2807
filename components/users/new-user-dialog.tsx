"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { useTranslations } from "use-intl";
import { Button, buttonVariants } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { FormField, describedBy, useFieldMessage } from "@/components/webhooks/form-field";
import { useCreateUser } from "@/lib/users/mutations";
import {
  createUserSchema,
  type CreateUserInput,
  type OneTimePasswordReply,
} from "@/lib/users/model";
import { ApiError } from "@/lib/webhooks/api-client";
import { OneTimePassword } from "./one-time-password";
import { RoleSelect } from "./role-select";

const FIELDS = ["email", "name", "role"] as const;

/**
 * "New user": email, name and role in a dialog; on success the dialog shows the one-time password,
 * once. Closing it forgets the password; what was typed stays when the server refuses it.
 */
export function NewUserDialog() {
  const t = useTranslations("users");
  const fieldMessage = useFieldMessage();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<OneTimePasswordReply | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const create = useCreateUser();
  const form = useForm<CreateUserInput>({
    resolver: zodResolver(createUserSchema),
    defaultValues: { email: "", name: "", role: "viewer" },
  });
  const { errors, isSubmitting } = form.formState;
  const saving = isSubmitting || create.isPending;

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) {
      setCreated(null);
      setFailure(null);
      form.reset();
    }
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const reply = await create.mutateAsync(values);
      setCreated(reply);
      toast.success(t("created", { email: reply.user.email }));
    } catch (error) {
      const fields = error instanceof ApiError ? (error.envelope.fields ?? {}) : {};
      for (const name of FIELDS) {
        const message = fields[name]?.join(" ");
        if (message) form.setError(name, { type: "server", message });
      }
      setFailure(error instanceof Error ? error.message : String(error));
    }
  });

  const email = fieldMessage(errors.email?.message);
  const name = fieldMessage(errors.name?.message);
  const role = fieldMessage(errors.role?.message);
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={t("newUser")}
      description={created ? t("created", { email: created.user.email }) : t("newUserIntro")}
      trigger={<Button>{t("newUser")}</Button>}
    >
      {created ? (
        <div className="mt-4 space-y-4">
          <OneTimePassword email={created.user.email} password={created.oneTimePassword} />
          <div className="flex justify-end gap-2">
            <Link
              href={`/users/${encodeURIComponent(created.user.id)}`}
              className={buttonVariants({ variant: "secondary" })}
            >
              {t("grantAccounts")}
            </Link>
            <DialogClose asChild>
              <Button>{t("done")}</Button>
            </DialogClose>
          </div>
        </div>
      ) : (
        <form
          method="post"
          onSubmit={(e) => void onSubmit(e)}
          noValidate
          className="mt-4 space-y-4"
        >
          {failure && (
            <p
              role="alert"
              className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800"
            >
              {t("createFailed", { message: failure })}
            </p>
          )}
          <FormField id="new-user-email" label={t("email")} error={email}>
            <Input
              id="new-user-email"
              type="email"
              autoComplete="off"
              aria-invalid={email ? true : undefined}
              aria-describedby={describedBy("new-user-email", { error: email })}
              {...form.register("email")}
            />
          </FormField>
          <FormField id="new-user-name" label={t("name")} error={name}>
            <Input
              id="new-user-name"
              autoComplete="off"
              aria-invalid={name ? true : undefined}
              aria-describedby={describedBy("new-user-name", { error: name })}
              {...form.register("name")}
            />
          </FormField>
          <FormField id="new-user-role" label={t("role")} error={role}>
            <RoleSelect id="new-user-role" invalid={!!role} {...form.register("role")} />
          </FormField>
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button variant="secondary">{t("cancel")}</Button>
            </DialogClose>
            <Button type="submit" disabled={saving} aria-busy={saving}>
              {saving ? t("creating") : t("create")}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
