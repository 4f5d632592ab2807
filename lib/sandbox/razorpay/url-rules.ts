import { BlockList, isIP } from "node:net";
import {
  RAZORPAY_BLOCKED_DOMAINS,
  RAZORPAY_BLOCKED_SUFFIXES,
  RAZORPAY_MAX_URL_LENGTH,
} from "../../providers/razorpay/url-facts";
import { RAZORPAY_TEXT } from "./errors";

/**
 * Razorpay's rules for a webhook URL (PROVIDERS.md): at most 255 characters, http or https, ports
 * 80/443 only, public hosts only, no razorpay domain, and a blocklist of request-capture and tunnel
 * services. Razorpay resolves the host and refuses private addresses; the sandbox never does DNS
 * (tests run offline), so it judges IP literals and the localhost names only.
 */

export const URL_RULE_TEXT = {
  tooLong: "The url may not be greater than 255 characters.",
  invalid: RAZORPAY_TEXT.invalidUrl,
  privateHost: "private ip found for host",
  // Texts below are the sandbox's own: PROVIDERS.md gives no wording for them.
  port: "Only ports 80 and 443 are allowed in the url.",
  razorpayDomain: "The url may not point to a razorpay domain.",
  blocked: "The url domain is not allowed.",
} as const;

// The limits are Razorpay's facts, shared with the console's own pre-check.
export const MAX_URL_LENGTH = RAZORPAY_MAX_URL_LENGTH;
export const BLOCKED_DOMAINS = RAZORPAY_BLOCKED_DOMAINS;
export const BLOCKED_SUFFIXES = RAZORPAY_BLOCKED_SUFFIXES;

const ALLOWED_PORTS = new Set(["", "80", "443"]);

// Names that always mean this machine (RFC 6761 reserves `.localhost` for loopback).
const LOOPBACK_NAMES = new Set(["localhost", "localhost.localdomain"]);

const loopbackRanges = new BlockList();
loopbackRanges.addSubnet("127.0.0.0", 8, "ipv4");
loopbackRanges.addAddress("::1", "ipv6");

// Addresses no public receiver can have: private, shared (CGNAT), loopback, link-local (cloud
// metadata lives at 169.254.169.254), benchmarking, multicast and reserved ranges.
const nonPublicRanges = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  nonPublicRanges.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  nonPublicRanges.addSubnet(network, prefix, "ipv6");
}

export interface UrlRuleOptions {
  /** The sandbox's switch: accept loopback hosts on any port so its demo receivers can be used. */
  allowLoopback: boolean;
}

/** The description of the first rule `url` breaks, or `undefined` when Razorpay would take it. */
export function findUrlProblem(url: string, options: UrlRuleOptions): string | undefined {
  // Razorpay counts characters, not bytes.
  if ([...url].length > MAX_URL_LENGTH) return URL_RULE_TEXT.tooLong;

  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return URL_RULE_TEXT.invalid;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return URL_RULE_TEXT.invalid;
  // A trailing dot names the same host; drop it so `webhook.site.` cannot slip past the blocklist.
  const host = parsed.hostname.replace(/^\[|\]$/g, "").replace(/\.$/, "");
  if (host === "") return URL_RULE_TEXT.invalid;

  const ipVersion = isIP(host);
  if (ipVersion !== 0) {
    const type = ipVersion === 4 ? "ipv4" : "ipv6";
    if (options.allowLoopback && loopbackRanges.check(host, type)) return undefined;
    if (nonPublicRanges.check(host, type)) return URL_RULE_TEXT.privateHost;
  } else {
    const problem = findHostNameProblem(host, options);
    if (problem !== false) return problem;
  }
  if (!ALLOWED_PORTS.has(parsed.port)) return URL_RULE_TEXT.port;
  return undefined;
}

/** `false` when the name passes the name rules (the port is checked afterwards). */
function findHostNameProblem(host: string, options: UrlRuleOptions): string | undefined | false {
  if (isLoopbackName(host)) return options.allowLoopback ? undefined : URL_RULE_TEXT.privateHost;
  if (BLOCKED_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`)))
    return URL_RULE_TEXT.blocked;
  if (BLOCKED_SUFFIXES.some((suffix) => host.endsWith(suffix))) return URL_RULE_TEXT.blocked;
  // Any host mentioning razorpay is refused, so a merchant cannot point Razorpay at itself; the
  // sandbox errs on the strict side, as a console tested here must cope with the strict answer.
  if (host.includes("razorpay")) return URL_RULE_TEXT.razorpayDomain;
  // A single-label name is never a public host.
  if (!host.includes(".")) return URL_RULE_TEXT.invalid;
  return false;
}

function isLoopbackName(host: string): boolean {
  return LOOPBACK_NAMES.has(host) || host.endsWith(".localhost");
}
