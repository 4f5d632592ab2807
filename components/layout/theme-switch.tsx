"use client";

import { Monitor, Moon, Sun } from "lucide-react";
import { useTranslations } from "use-intl";
import { themes } from "@/lib/theme/theme";
import { setTheme, useTheme } from "@/lib/theme/use-theme";

const icons = { system: Monitor, light: Sun, dark: Moon } as const;

/**
 * System, Light or Dark, as a radio group drawn as three segments. Each radio covers its segment
 * (transparent, on top), so a click, a tap or the arrow keys reach the real input.
 */
export function ThemeSwitch() {
  const t = useTranslations("common.theme");
  const current = useTheme();
  return (
    <fieldset>
      <legend className="mb-1 font-medium text-slate-900">{t("label")}</legend>
      <div className="grid grid-cols-3 gap-1 rounded-md border border-slate-300 p-0.5">
        {themes.map((theme) => {
          const Icon = icons[theme];
          return (
            <label
              key={theme}
              className="relative flex flex-col items-center justify-center gap-0.5 rounded px-1 py-1 text-slate-700 hover:bg-slate-100 has-checked:bg-indigo-600 has-checked:text-white"
            >
              <input
                type="radio"
                name="theme"
                value={theme}
                checked={current === theme}
                onChange={() => setTheme(theme)}
                className="absolute inset-0 cursor-pointer appearance-none rounded focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600"
              />
              <Icon aria-hidden className="size-4 shrink-0" />
              {t(theme)}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
