import type { ProviderDescriptor } from "@/lib/providers/descriptor";

/** FakePay: a minimal third provider that exists only in tests, to prove one folder is enough. */
export const fakepayDescriptor: ProviderDescriptor = {
  id: "fakepay",
  displayName: "FakePay",
  capabilities: {
    search: "provider",
    dateFilter: false,
    signedPing: false,
    enableDisable: false,
    fields: { secret: false, alertEmail: false },
  },
  limits: { webhooksPerAccount: 3, urlMaxLength: 100 },
  accounts: { ownAccountId: null, noun: "account" },
  // FakePay takes https only (loopback http on the sandbox), and no more than 100 characters.
  mark: { background: "#334155", foreground: "#ffffff", path: "M7 12h10" },
  checkUrl({ url, raw }, context) {
    if (raw.length > 100) return "validation.urlTooLong";
    if (url.protocol === "https:") return null;
    return context.allowLoopback && url.hostname === "127.0.0.1" ? null : "validation.urlInvalid";
  },
};
