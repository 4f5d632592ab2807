"use client";

import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { useTranslations } from "use-intl";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { useResetPassword } from "@/lib/users/mutations";
import type { User } from "@/lib/users/model";
import { OneTimePassword } from "./one-time-password";

/** "Reset password", confirmed in a dialog: a new one-time password, shown once; sessions end. */
export function ResetPassword({ user }: { user: User }) {
  const t = useTranslations("users");
  const [confirming, setConfirming] = useState(false);
  const [password, setPassword] = useState<string | null>(null);
  const reset = useResetPassword(user.id);

  const onConfirm = () =>
    reset.mutate(undefined, {
      onSuccess: (reply) => {
        setConfirming(false);
        setPassword(reply.oneTimePassword);
        toast.success(t("resetDone", { email: user.email }));
      },
      onError: (error) => toast.error(t("resetFailed", { message: error.message })),
    });

  return (
    <section
      aria-labelledby="reset-password"
      className="max-w-3xl space-y-3 border-t border-slate-200 pt-4"
    >
      <h2 id="reset-password" className="text-base font-semibold">
        {t("resetPassword")}
      </h2>
      <p className="text-sm text-slate-600">{t("resetPasswordIntro", { email: user.email })}</p>
      {password && <OneTimePassword email={user.email} password={password} />}
      <Button variant="secondary" onClick={() => setConfirming(true)} disabled={reset.isPending}>
        {t("resetPassword")}
      </Button>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={t("resetPasswordConfirm", { email: user.email })}
        description={t("resetPasswordDescription")}
        confirmLabel={reset.isPending ? t("resetting") : t("resetPassword")}
        cancelLabel={t("cancel")}
        onConfirm={onConfirm}
        pending={reset.isPending}
      />
    </section>
  );
}
