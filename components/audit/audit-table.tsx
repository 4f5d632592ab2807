"use client";

import { useFormatter, useTranslations } from "use-intl";
import { Table, Td, Th } from "@/components/ui/table";
import { auditActions, wentThrough, type AuditAction } from "@/lib/audit/actions";
import { changedFields } from "@/lib/audit/changed-fields";
import type { AuditEntry } from "@/lib/audit/model";
import { roles } from "@/lib/auth/roles";
import { AuditDetails } from "./audit-details";
import { OutcomeBadge } from "./outcome-badge";

type MessageKey = `actions.${string}`;
const isAction = (action: string): action is AuditAction =>
  (auditActions as readonly string[]).includes(action);

/**
 * Audit entries, newest first: the audit page shows every column; a webhook's History leaves out
 * the account and webhook, which are the page's own.
 */
export function AuditTable({
  entries,
  label,
  showTarget = true,
}: {
  entries: AuditEntry[];
  label: string;
  showTarget?: boolean;
}) {
  const t = useTranslations("audit");
  const format = useFormatter();
  const actionLabel = (action: string) =>
    isAction(action) ? t(`actions.${action.replace(".", "_")}`) : action;
  const roleLabel = (role: string | null) =>
    role && (roles as readonly string[]).includes(role) ? t(`roles.${role}` as MessageKey) : role;
  return (
    <Table aria-label={label}>
      <thead>
        <tr>
          <Th>{t("when")}</Th>
          <Th>{t("who")}</Th>
          <Th>{t("action")}</Th>
          {showTarget && <Th>{t("where")}</Th>}
          {showTarget && <Th>{t("webhook")}</Th>}
          <Th>{t("outcome")}</Th>
          <Th>{t("request")}</Th>
          <Th>{t("details")}</Th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.seq}>
            <Td className="whitespace-nowrap">
              <time dateTime={entry.at}>
                {format.dateTime(new Date(entry.at), { dateStyle: "medium", timeStyle: "medium" })}
              </time>
            </Td>
            <Td>
              <div className="font-medium break-words">{entry.userEmail ?? t("system")}</div>
              {(entry.role || entry.ip) && (
                <div className="text-xs text-slate-600">
                  {[roleLabel(entry.role), entry.ip && t("fromIp", { ip: entry.ip })]
                    .filter(Boolean)
                    .join(" · ")}
                </div>
              )}
            </Td>
            <Td>
              <div className="whitespace-nowrap">{actionLabel(entry.action)}</div>
              {wentThrough(entry.outcome) && (
                <div className="text-xs text-slate-600">
                  {changedFields(entry.before, entry.after).join(", ")}
                </div>
              )}
            </Td>
            {showTarget && (
              <Td className="break-all">
                {entry.provider ? `${entry.provider}/${entry.account ?? ""}` : t("nothing")}
              </Td>
            )}
            {showTarget && (
              <Td className="font-mono text-xs break-all">
                {entry.webhookId ?? createdId(entry) ?? t("nothing")}
              </Td>
            )}
            <Td>
              <OutcomeBadge outcome={entry.outcome} />
            </Td>
            <Td className="font-mono text-xs break-all">{entry.requestId ?? t("nothing")}</Td>
            <Td>
              <AuditDetails entry={entry} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** A create names its webhook only in `after`. */
function createdId(entry: AuditEntry): string | null {
  const after = entry.after as { id?: unknown } | null;
  return entry.action === "webhook.create" && typeof after?.id === "string" ? after.id : null;
}
