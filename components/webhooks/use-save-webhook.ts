"use client";

import { getDescriptor } from "@/lib/providers/catalogue";
import { useRouter } from "next/navigation";
import { useRef, useState, type BaseSyntheticEvent } from "react";
import type { Path, UseFormReturn } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { useTranslations } from "use-intl";
import { ApiError, newIdempotencyKey } from "@/lib/webhooks/api-client";
import type { ProviderId, Webhook } from "@/lib/webhooks/model";
import { useCreateWebhook, useUpdateWebhook } from "@/lib/webhooks/mutations";
import type { CreateWebhookInput, WebhookFormValues } from "@/lib/webhooks/schemas";
import { useSingleFlight } from "./use-single-flight";

const FORM_FIELDS = ["url", "events", "alertEmail", "secret"];

/**
 * Saving the form: create or update, the server's field errors put on their fields, and the case
 * where a create half-succeeded (`orphan`: the webhook exists without its events), after which a
 * save only retries the events. Everything typed stays in the form when a save fails.
 */
export function useSaveWebhook({
  provider,
  account,
  webhook,
  form,
}: {
  provider: ProviderId;
  account: string;
  webhook?: Webhook;
  form: UseFormReturn<WebhookFormValues>;
}) {
  const t = useTranslations("form");
  const router = useRouter();
  const [orphan, setOrphan] = useState<Webhook | null>(null);
  const create = useCreateWebhook(provider, account);
  const update = useUpdateWebhook(provider, account, orphan?.id ?? webhook?.id ?? "");
  // Every way of submitting (Enter twice, a double click) goes through one flight, and nothing is
  // sent again once the save succeeded and the page is on its way back to the list.
  const flight = useSingleFlight();
  const done = useRef(false);
  // One Idempotency-Key per submission: saving the same values again (after a failure) is a retry
  // and sends the same key, so a create whose reply was lost is not made twice; changed values
  // are a new submission with a new key.
  const submission = useRef<{ body: string; key: string } | null>(null);
  const keyFor = (input: CreateWebhookInput) => {
    const body = JSON.stringify(input);
    if (submission.current?.body !== body) submission.current = { body, key: newIdempotencyKey() };
    return submission.current.key;
  };

  const showServerError = (error: Error) => {
    if (error instanceof ApiError) {
      // The adapters name fields as the console does, so they land on the inputs of the same name.
      for (const [field, messages] of Object.entries(error.envelope.fields ?? {})) {
        if (FORM_FIELDS.includes(field)) {
          form.setError(field as Path<WebhookFormValues>, {
            type: "server",
            message: messages.join(" "),
          });
        }
      }
      if (error.envelope.webhook) setOrphan(error.envelope.webhook);
    }
    toast.error(t("saveFailed", { message: error.message }));
  };

  const onSaved = (created: boolean) => {
    done.current = true;
    submission.current = null;
    toast.success(created ? t("savedCreated") : t("savedUpdated"));
    form.reset(form.getValues());
    router.push(`/${provider}/${account}/webhooks`);
  };

  const save = async (values: WebhookFormValues) => {
    const { fields, enableDisable } = getDescriptor(provider).capabilities;
    const extra = {
      ...(fields.alertEmail ? { alertEmail: values.alertEmail || null } : {}),
      ...(fields.secret && values.secret ? { secret: values.secret } : {}),
    };
    if (orphan) {
      await update
        .mutateAsync({ events: values.events })
        .then(() => onSaved(true), showServerError);
    } else if (webhook) {
      const active =
        enableDisable && values.active !== webhook.active ? { active: values.active } : {};
      await update
        .mutateAsync({ url: values.url, events: values.events, ...extra, ...active })
        .then(() => onSaved(false), showServerError);
    } else {
      const input = { url: values.url, events: values.events, ...extra };
      await create
        .mutateAsync({ input, idempotencyKey: keyFor(input) })
        .then(() => onSaved(true), showServerError);
    }
  };
  const onSubmit = async (event?: BaseSyntheticEvent) => {
    // Always, before anything else: a press that is not sent (one already in flight, or the save
    // done and the page leaving) must not fall through to the browser's own GET submission, which
    // would reload the form with the URL in the address bar.
    event?.preventDefault();
    if (done.current) return;
    await flight.run(() => form.handleSubmit(save)(event));
  };

  return {
    orphan,
    onSubmit,
    saving: flight.busy || create.isPending || update.isPending || form.formState.isSubmitting,
  };
}
