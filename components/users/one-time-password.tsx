"use client";

import { useTranslations } from "use-intl";
import { Input } from "@/components/ui/input";
import { CopyButton } from "@/components/webhooks/copy-button";

/** The one time a password is shown: read-only, with a copy button and the warning that it goes. */
export function OneTimePassword({ email, password }: { email: string; password: string }) {
  const t = useTranslations("users");
  return (
    <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3" role="status">
      <label htmlFor="one-time-password" className="block text-sm font-medium text-amber-950">
        {t("oneTimePasswordTitle")}
      </label>
      <div className="flex items-center gap-2">
        <Input
          id="one-time-password"
          readOnly
          value={password}
          autoComplete="off"
          spellCheck={false}
          className="font-mono"
          aria-describedby="one-time-password-note"
          onFocus={(event) => event.currentTarget.select()}
        />
        <CopyButton value={password} label={t("copyPassword")} />
      </div>
      <p id="one-time-password-note" className="text-sm text-amber-900">
        {t("oneTimePasswordNote", { email })}
      </p>
    </div>
  );
}
