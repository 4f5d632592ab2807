import "server-only";
import type { AuditAction } from "@/lib/audit/actions";
import type { Webhook } from "./model";
import type { UpdateWebhookInput } from "./schemas";

/**
 * An edit that changes nothing but `active` is an enable or a disable in the audit log. The form
 * sends URL, events and alert email along with the switch, so "changes" means "differs from the
 * webhook as it was", not "is in the body".
 */
export function updateActionOf(input: UpdateWebhookInput, before: Webhook): AuditAction {
  if (input.active === undefined || input.active === before.active) return "webhook.update";
  const sameEvents =
    input.events === undefined ||
    (input.events.length === before.events.length &&
      input.events.every((e) => before.events.includes(e)));
  const unchanged =
    (input.url === undefined || input.url === before.url) &&
    sameEvents &&
    (input.alertEmail === undefined || (input.alertEmail || null) === before.alertEmail) &&
    !input.secret;
  if (!unchanged) return "webhook.update";
  return input.active ? "webhook.enable" : "webhook.disable";
}
