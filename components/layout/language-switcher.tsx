"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "use-intl";
import { LANGUAGE_COOKIE, languages } from "@/lib/http/language";

const names = { en: "English", es: "Español" } as const;

/** Saves the choice in a cookie for a year and re-renders the page in the new language. */
export function LanguageSwitcher() {
  const t = useTranslations("common");
  const locale = useLocale();
  const router = useRouter();
  return (
    <label className="flex items-center gap-2 text-sm text-slate-600">
      {t("language")}
      <select
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900"
        value={locale}
        onChange={(event) => {
          document.cookie = `${LANGUAGE_COOKIE}=${event.target.value}; path=/; max-age=31536000; samesite=lax`;
          router.refresh();
        }}
      >
        {languages.map((language) => (
          <option key={language} value={language} lang={language}>
            {names[language]}
          </option>
        ))}
      </select>
    </label>
  );
}
