"use client";

import { useState } from "react";
import { Controller, type UseFormReturn } from "react-hook-form";
import { useFormatter, useTranslations } from "use-intl";
import { ConfirmDialog, preloadConfirmDialog } from "@/components/ui/alert-dialog";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { getDescriptor } from "@/lib/providers/catalogue";
import type { ProviderId, Webhook } from "@/lib/webhooks/model";
import type { WebhookFormValues } from "@/lib/webhooks/schemas";
import { FormField, describedBy, useFieldMessage } from "./form-field";

/** Whether this provider keeps anything beyond URL and events (so the form shows ProviderFields). */
export function hasProviderFields(provider: ProviderId): boolean {
  const { fields, enableDisable } = getDescriptor(provider).capabilities;
  return fields.alertEmail || fields.secret || enableDisable;
}

/**
 * What a provider keeps beyond URL and events, by its capabilities: an alert email, a write-only
 * secret, the Active switch, and the created and updated dates.
 */
export function ProviderFields({
  provider,
  form,
  webhook,
  disabled,
}: {
  provider: ProviderId;
  form: UseFormReturn<WebhookFormValues>;
  webhook?: Webhook;
  disabled: boolean;
}) {
  const t = useTranslations("form");
  const format = useFormatter();
  const fieldMessage = useFieldMessage();
  const [confirmDisable, setConfirmDisable] = useState(false);
  const { fields, enableDisable } = getDescriptor(provider).capabilities;
  const { register, control, formState } = form;
  const emailError = fieldMessage(formState.errors.alertEmail?.message);
  const secretError = fieldMessage(formState.errors.secret?.message);
  const replacing = webhook?.hasSecret === true;
  const secretHint = !webhook
    ? t("secretHint")
    : replacing
      ? t("secretSetHint")
      : t("secretNotSetHint");

  return (
    <div className="space-y-6">
      {fields.alertEmail && (
        <FormField
          id="alertEmail"
          label={t("alertEmail")}
          hint={t("alertEmailHint")}
          error={emailError}
        >
          <Input
            id="alertEmail"
            type="email"
            autoComplete="email"
            disabled={disabled}
            aria-invalid={emailError ? true : undefined}
            aria-describedby={describedBy("alertEmail", {
              error: emailError,
              hint: t("alertEmailHint"),
            })}
            {...register("alertEmail")}
          />
        </FormField>
      )}
      {fields.secret && (
        <FormField
          id="secret"
          label={replacing ? t("replaceSecret") : t("secret")}
          hint={secretHint}
          error={secretError}
        >
          <Input
            id="secret"
            type="password"
            // The secret is write-only: the field starts empty and is sent only when something is typed.
            autoComplete="new-password"
            disabled={disabled}
            aria-invalid={secretError ? true : undefined}
            aria-describedby={describedBy("secret", { error: secretError, hint: secretHint })}
            {...register("secret")}
          />
        </FormField>
      )}
      {webhook && (
        <>
          {enableDisable && (
            <Controller
              control={control}
              name="active"
              render={({ field }) => (
                <div className="flex items-center gap-3">
                  <Switch
                    id="active"
                    checked={field.value}
                    disabled={disabled}
                    // Turning it off asks in a dialog, whose code loads on intent.
                    onPointerEnter={field.value ? preloadConfirmDialog : undefined}
                    onFocus={field.value ? preloadConfirmDialog : undefined}
                    // Enabling needs no confirmation; disabling stops deliveries, so it asks first.
                    onCheckedChange={(on) => (on ? field.onChange(true) : setConfirmDisable(true))}
                  />
                  <label htmlFor="active" className="text-sm font-medium">
                    {t("active")}
                  </label>
                  <ConfirmDialog
                    open={confirmDisable}
                    onOpenChange={setConfirmDisable}
                    title={t("disableTitle")}
                    description={t("disableDescription", { url: webhook.url })}
                    confirmLabel={t("disable")}
                    cancelLabel={t("cancel")}
                    onConfirm={() => {
                      field.onChange(false);
                      setConfirmDisable(false);
                    }}
                  />
                </div>
              )}
            />
          )}
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm text-slate-600">
            {webhook.createdAt && (
              <>
                <dt>{t("created")}</dt>
                <dd>
                  {format.dateTime(new Date(webhook.createdAt), {
                    dateStyle: "medium",
                    timeStyle: "short",
                  })}
                </dd>
              </>
            )}
            {webhook.updatedAt && (
              <>
                <dt>{t("updated")}</dt>
                <dd>
                  {format.dateTime(new Date(webhook.updatedAt), {
                    dateStyle: "medium",
                    timeStyle: "short",
                  })}
                </dd>
              </>
            )}
          </dl>
        </>
      )}
    </div>
  );
}
