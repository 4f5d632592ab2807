"use client";

import { useId, useState, type ReactNode } from "react";
import { useDebouncedCallback } from "use-debounce";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { auditActions } from "@/lib/audit/actions";
import { accountFilterSchema, type AuditFilterParams } from "@/lib/audit/filters";

const TYPING_DEBOUNCE_MS = 400;
const selectClass =
  "h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600";

/**
 * A label tied to its control by id, not wrapped around it: a wrapped select would take its
 * options' text into its accessible name.
 */
function Field({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className={`space-y-1 text-sm ${className ?? ""}`}>
      <label htmlFor={id} className="block text-slate-700">
        {label}
      </label>
      {children(id)}
    </div>
  );
}

/** A text filter that follows the URL (Back) but is not overwritten while one types. */
function TextFilter({
  id,
  placeholder,
  value,
  onChange,
  invalidHint,
  isValid = () => true,
}: {
  id: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  /** Shown, and nothing sent, while what is typed cannot be a filter. */
  invalidHint?: string;
  isValid?: (value: string) => boolean;
}) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  // The URL changed under the field (Back, Clear filters): show the URL's value.
  if (value !== shown) {
    setShown(value);
    setText(value);
  }
  const commit = useDebouncedCallback((next: string) => {
    if (!isValid(next.trim())) return;
    setShown(next.trim());
    onChange(next.trim());
  }, TYPING_DEBOUNCE_MS);
  const invalid = !isValid(text.trim());
  return (
    <>
      <Input
        id={id}
        type="search"
        value={text}
        placeholder={placeholder}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-hint` : undefined}
        onChange={(event) => {
          setText(event.target.value);
          commit(event.target.value);
        }}
      />
      {invalid && invalidHint && (
        <span id={`${id}-hint`} className="block text-xs text-red-700">
          {invalidHint}
        </span>
      )}
    </>
  );
}

export function AuditFilters({
  filters,
  onChange,
  onClear,
}: {
  filters: AuditFilterParams;
  onChange: (changes: AuditFilterParams) => void;
  onClear: () => void;
}) {
  const t = useTranslations("audit");
  return (
    <section aria-label={t("filters")} className="grid gap-3 sm:grid-cols-3 lg:grid-cols-7">
      <Field label={t("account")} className="lg:col-span-2">
        {(id) => (
          <TextFilter
            id={id}
            placeholder={t("accountPlaceholder")}
            value={filters.account ?? ""}
            onChange={(account) => onChange({ account })}
            isValid={(value) => value === "" || accountFilterSchema.safeParse(value).success}
            invalidHint={t("accountHint")}
          />
        )}
      </Field>
      <Field label={t("user")}>
        {(id) => (
          <TextFilter
            id={id}
            placeholder={t("userPlaceholder")}
            value={filters.user ?? ""}
            onChange={(user) => onChange({ user })}
          />
        )}
      </Field>
      <Field label={t("action")}>
        {(id) => (
          <select
            id={id}
            className={selectClass}
            value={filters.action ?? ""}
            onChange={(event) => onChange({ action: event.target.value })}
          >
            <option value="">{t("allActions")}</option>
            {auditActions.map((action) => (
              <option key={action} value={action}>
                {t(`actions.${action.replace(".", "_")}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t("outcome")}>
        {(id) => (
          <select
            id={id}
            className={selectClass}
            value={filters.outcome ?? ""}
            onChange={(event) => onChange({ outcome: event.target.value })}
          >
            <option value="">{t("allOutcomes")}</option>
            <option value="ok">{t("outcomeOk")}</option>
            <option value="reconciled">{t("outcomeReconciled")}</option>
            <option value="failed">{t("outcomeFailed")}</option>
            <option value="pending">{t("outcomePending")}</option>
          </select>
        )}
      </Field>
      <Field label={t("from")}>
        {(id) => (
          <Input
            id={id}
            type="date"
            value={filters.from ?? ""}
            max={filters.to}
            onChange={(event) => onChange({ from: event.target.value })}
          />
        )}
      </Field>
      <Field label={t("to")}>
        {(id) => (
          <Input
            id={id}
            type="date"
            value={filters.to ?? ""}
            min={filters.from}
            onChange={(event) => onChange({ to: event.target.value })}
          />
        )}
      </Field>
      {Object.keys(filters).length > 0 && (
        <div className="flex items-end">
          <Button variant="ghost" size="sm" onClick={onClear}>
            {t("clearFilters")}
          </Button>
        </div>
      )}
    </section>
  );
}
