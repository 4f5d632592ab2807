"use client";

import Link from "next/link";
import { Controller, useForm, useWatch } from "react-hook-form";
import { useTranslations } from "use-intl";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button, buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ProviderId, Webhook } from "@/lib/webhooks/model";
import { webhookFormResolver, type WebhookFormValues } from "@/lib/webhooks/form-rules";
import { isPlainHttp, type UrlRuleContext } from "@/lib/webhooks/rules";
import type { EventGroup } from "@/lib/webhooks/schemas";
import { EventPicker } from "./event-picker";
import { FormField, describedBy, useFieldMessage } from "./form-field";
import { ProviderFields, hasProviderFields } from "./provider-fields";
import { useLeaveGuard } from "./use-leave-guard";
import { useSaveWebhook } from "./use-save-webhook";

/**
 * Create and edit share this form. It checks what the provider would refuse before sending, shows
 * the server's field errors on their fields, and keeps everything typed when a save fails.
 */
export function WebhookForm({
  provider,
  account,
  catalogue,
  rules,
  webhook,
}: {
  provider: ProviderId;
  account: string;
  catalogue: EventGroup[];
  rules: UrlRuleContext;
  webhook?: Webhook;
}) {
  const t = useTranslations("form");
  const fieldMessage = useFieldMessage();
  const form = useForm<WebhookFormValues>({
    defaultValues: {
      url: webhook?.url ?? "",
      events: webhook?.events ?? [],
      alertEmail: webhook?.alertEmail ?? "",
      secret: "",
      active: webhook?.active ?? true,
    },
    resolver: webhookFormResolver(provider, rules),
  });
  const { register, control, formState } = form;
  const { orphan, onSubmit, saving } = useSaveWebhook({ provider, account, webhook, form });
  const guard = useLeaveGuard(formState.isDirty && !formState.isSubmitSuccessful);
  const listHref = `/${provider}/${account}/webhooks`;

  const url = useWatch({ control, name: "url" });
  const urlError = fieldMessage(formState.errors.url?.message);
  const urlWarning =
    !urlError && isPlainHttp(url) ? fieldMessage("validation.urlPlainHttp") : undefined;
  const eventsError = fieldMessage(formState.errors.events?.message);

  return (
    <form
      method="post"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      className="max-w-3xl space-y-6"
    >
      {orphan && (
        <div
          role="alert"
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
        >
          <p>{t("eventsNotSaved")}</p>
          <Button type="submit" size="sm" className="mt-2" disabled={saving}>
            {t("retryEvents")}
          </Button>
        </div>
      )}
      <FormField
        id="url"
        label={t("url")}
        hint={t("urlHint")}
        error={urlError}
        warning={urlWarning}
      >
        <Input
          id="url"
          type="url"
          inputMode="url"
          autoComplete="off"
          readOnly={orphan !== null}
          aria-invalid={urlError ? true : undefined}
          aria-describedby={describedBy("url", {
            error: urlError,
            warning: urlWarning,
            hint: t("urlHint"),
          })}
          {...register("url")}
        />
      </FormField>

      <div className="space-y-1">
        <span id="events-label" className="block text-sm font-medium text-slate-800">
          {t("events")}
        </span>
        <Controller
          control={control}
          name="events"
          render={({ field }) => (
            <EventPicker
              groups={catalogue}
              value={field.value}
              onChange={field.onChange}
              invalid={eventsError !== undefined}
              describedBy={eventsError ? "events-error" : undefined}
            />
          )}
        />
        {eventsError && (
          <p id="events-error" className="text-sm text-red-700">
            {eventsError}
          </p>
        )}
      </div>

      {hasProviderFields(provider) && (
        <ProviderFields
          provider={provider}
          form={form}
          webhook={webhook}
          disabled={orphan !== null}
        />
      )}

      <div className="flex items-center gap-3">
        <Button type="submit" disabled={saving} aria-busy={saving}>
          {saving ? t("saving") : t("save")}
        </Button>
        <Link href={listHref} className={buttonVariants({ variant: "secondary" })}>
          {t("cancel")}
        </Link>
      </div>

      <ConfirmDialog
        open={guard.pendingHref !== null}
        onOpenChange={(open) => !open && guard.stay()}
        title={t("leaveTitle")}
        description={t("unsavedChanges")}
        confirmLabel={t("leave")}
        cancelLabel={t("stay")}
        onConfirm={guard.leave}
      />
    </form>
  );
}
