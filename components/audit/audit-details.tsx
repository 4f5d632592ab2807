"use client";

import { useTranslations } from "use-intl";
import { wentThrough } from "@/lib/audit/actions";
import type { AuditEntry } from "@/lib/audit/model";

function Json({ value }: { value: unknown }) {
  return (
    <pre className="max-h-64 w-72 max-w-md overflow-auto rounded bg-slate-50 p-2 text-xs whitespace-pre-wrap break-all">
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

/**
 * Before and after, folded away. After a failed change `after` is what was asked for, not what
 * the webhook became, and says so.
 */
export function AuditDetails({ entry }: { entry: AuditEntry }) {
  const t = useTranslations("audit");
  const hasBefore = entry.before !== null && entry.before !== undefined;
  const hasAfter = entry.after !== null && entry.after !== undefined;
  if (!hasBefore && !hasAfter) return <span className="text-slate-500">{t("nothing")}</span>;
  const failed = !wentThrough(entry.outcome);
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-indigo-700">{t("showDetails")}</summary>
      <div className="mt-2 space-y-2">
        {hasBefore && (
          <div>
            <div className="text-xs font-medium text-slate-600">{t("before")}</div>
            <Json value={entry.before} />
          </div>
        )}
        {hasAfter && (
          <div>
            <div className="text-xs font-medium text-slate-600">
              {failed ? t("requested") : t("after")}
            </div>
            <Json value={entry.after} />
          </div>
        )}
      </div>
    </details>
  );
}
