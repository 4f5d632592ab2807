"use client";

import type { ReactNode } from "react";
import { useTranslations } from "use-intl";

/** Shows a field's error in the user's language: client rules speak in `validation.*` keys. */
export function useFieldMessage() {
  const t = useTranslations();
  return (message: string | undefined) =>
    message?.startsWith("validation.") ? t(message) : message;
}

export function FormField({
  id,
  label,
  hint,
  error,
  warning,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  warning?: string;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : warning ? (
        <p id={`${id}-warning`} className="text-sm text-amber-800">
          {warning}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** The id an input should point `aria-describedby` at, matching what FormField shows. */
export function describedBy(
  id: string,
  state: { error?: string; warning?: string; hint?: string },
) {
  if (state.error) return `${id}-error`;
  if (state.warning) return `${id}-warning`;
  return state.hint ? `${id}-hint` : undefined;
}
