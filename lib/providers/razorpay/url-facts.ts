/**
 * What Razorpay refuses in a webhook URL (PROVIDERS.md), as data. The console's form and API check
 * URLs with it before Razorpay does, and the sandbox enforces the same list as Razorpay would.
 */
export const RAZORPAY_MAX_URL_LENGTH = 255;

/** Request catchers, tunnels and metadata hosts; refused with their subdomains. */
export const RAZORPAY_BLOCKED_DOMAINS = [
  "webhook.site",
  "requestbin.com",
  "ngrok.io",
  "loca.lt",
  "hookbin.com",
  "beeceptor.com",
  "mockbin.org",
  "burpcollaborator.net",
  "oast.pro",
  "interact.sh",
  "canarytokens.com",
  "localhost",
  "localhost.localdomain",
  "metadata.google.internal",
] as const;

export const RAZORPAY_BLOCKED_SUFFIXES = [".onion", ".local", ".internal", ".corp"] as const;
