import type { ProviderDescriptor } from "@/lib/providers/descriptor";

/** Conekta for the browser and shared code: what it can do and what it refuses (PROVIDERS.md). */
export const conektaDescriptor: ProviderDescriptor = {
  id: "conekta",
  displayName: "Conekta",
  capabilities: {
    search: "provider",
    dateFilter: false,
    signedPing: false,
    enableDisable: false,
    fields: { secret: false, alertEmail: false },
  },
  // 10 webhooks per environment.
  limits: { webhooksPerAccount: 10, urlMaxLength: null },
  // Sent by POST /webhooks/{id}/test, never part of a new webhook's subscription (PROVIDERS.md).
  testOnlyEvents: ["webhook_ping"],
  // `default` is the holding company itself; the others are its child companies.
  accounts: { ownAccountId: "default", noun: "childCompany" },
  // Conekta's navy with an open "C".
  mark: { background: "#0b1f4d", foreground: "#ffffff", path: "M16.2 8.4a5.5 5.5 0 1 0 0 7.2" },
  checkUrl({ raw }, context) {
    // Conekta's schema refuses any URL that mentions localhost or 127.0.0.1, anywhere in it.
    if (!context.allowLoopback && /localhost|127\.0\.0\.1/i.test(raw))
      return "validation.urlLoopback";
    return null;
  },
};
