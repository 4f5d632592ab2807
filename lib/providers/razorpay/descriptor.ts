import { isLoopbackHost, type ProviderDescriptor } from "@/lib/providers/descriptor";
import { isNonPublicHost } from "@/lib/net/ip-ranges";
import {
  RAZORPAY_BLOCKED_DOMAINS,
  RAZORPAY_BLOCKED_SUFFIXES,
  RAZORPAY_MAX_URL_LENGTH,
} from "./url-facts";

/** Razorpay for the browser and shared code: what it can do and what it refuses (PROVIDERS.md). */
export const razorpayDescriptor: ProviderDescriptor = {
  id: "razorpay",
  displayName: "Razorpay",
  capabilities: {
    // Razorpay cannot search: the console filters URLs and event names itself.
    search: "console",
    dateFilter: true,
    signedPing: true,
    enableDisable: true,
    fields: { secret: true, alertEmail: true },
  },
  limits: { webhooksPerAccount: 30, urlMaxLength: RAZORPAY_MAX_URL_LENGTH },
  // A partner's sub-merchants; the partner's own account is not one of them.
  accounts: { ownAccountId: null, noun: "subMerchant" },
  // Razorpay's navy with its blue slanted stroke.
  mark: { background: "#072654", foreground: "#3395ff", path: "M10.5 18.5 14 5.5M8 11.5h7" },
  checkUrl({ url, host, raw }, context) {
    if (raw.length > RAZORPAY_MAX_URL_LENGTH) return "validation.urlTooLong";
    if (context.allowLoopback && isLoopbackHost(host)) return null;
    if (url.port !== "" && url.port !== "80" && url.port !== "443") return "validation.urlPort";
    if (isNonPublicHost(host)) return "validation.urlPrivate";
    if (host === "razorpay.com" || host.endsWith(".razorpay.com") || /(^|\.)razorpay\./.test(host))
      return "validation.urlRazorpay";
    if (
      RAZORPAY_BLOCKED_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`)) ||
      RAZORPAY_BLOCKED_SUFFIXES.some((s) => host.endsWith(s))
    )
      return "validation.urlBlocked";
    return null;
  },
};
