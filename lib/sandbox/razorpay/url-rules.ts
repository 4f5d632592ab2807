import ipaddr from "ipaddr.js";
import { RAZORPAY_TEXT } from "./errors";

/**
 * Razorpay's rules for a webhook URL (PROVIDERS.md): at most 255 characters, http or https, ports
 * 80/443 only, public hosts only, no razorpay domain, and a blocklist of request-capture and tunnel
 * services. Razorpay resolves the host and refuses private addresses; the sandbox never does DNS
 * (tests run offline), so it judges IP literals and the localhost names only.
 *
 * Everything here is written from PROVIDERS.md and the IANA special-purpose registries, and imports
 * nothing from the console: the sandbox is the console's referee, so a wrong rule in the console
 * must show up as a disagreement (lib/net/ip-ranges.agreement.test.ts), not be copied here.
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

export const MAX_URL_LENGTH = 255;

/** PROVIDERS.md's blocklist: request catchers, tunnels and metadata hosts, with subdomains. */
export const BLOCKED_DOMAINS = [
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

export const BLOCKED_SUFFIXES = [".onion", ".local", ".internal", ".corp"] as const;

const ALLOWED_PORTS = new Set(["", "80", "443"]);

// Names that always mean this machine (RFC 6761 reserves `.localhost` for loopback).
const LOOPBACK_NAMES = new Set(["localhost", "localhost.localdomain"]);

/** An address as its bytes (4 or 16) and a prefix of it: the sandbox's own matching. */
interface Prefix {
  bytes: number[];
  bits: number;
}

function prefix(cidr: string): Prefix {
  const [network = "", bits = ""] = cidr.split("/");
  return { bytes: ipaddr.parse(network).toByteArray(), bits: Number(bits) };
}

function inPrefix(bytes: readonly number[], { bytes: net, bits }: Prefix): boolean {
  if (bytes.length !== net.length) return false;
  for (let bit = 0; bit < bits; bit++) {
    const mask = 0x80 >> (bit % 8);
    const index = Math.floor(bit / 8);
    if (((bytes[index] ?? 0) & mask) !== ((net[index] ?? 0) & mask)) return false;
  }
  return true;
}

const LOOPBACK = ["127.0.0.0/8", "::1/128"].map(prefix);

// IPv4 that no public receiver can have: IANA's not-globally-reachable blocks, anycast service
// blocks (AS112, AMT, the old 6to4 relay), multicast, reserved and broadcast, and the one cloud
// platform address outside them (Azure's wire server; 169.254.169.254 is link-local already).
const PRIVATE_V4 = [
  "0.0.0.0/8",
  "10.0.0.0/8",
  "100.64.0.0/10",
  "127.0.0.0/8",
  "168.63.129.16/32",
  "169.254.0.0/16",
  "172.16.0.0/12",
  "192.0.0.0/24",
  "192.0.2.0/24",
  "192.31.196.0/24",
  "192.52.193.0/24",
  "192.88.99.0/24",
  "192.168.0.0/16",
  "192.175.48.0/24",
  "198.18.0.0/15",
  "198.51.100.0/24",
  "203.0.113.0/24",
  "224.0.0.0/4",
  "240.0.0.0/4",
].map(prefix);

// IPv6 outside the embedding forms: only global unicast (2000::/3) can be public, and inside it
// the IETF protocol block, documentation, AS112 and NAT64 local-use are not.
const GLOBAL_UNICAST_V6 = prefix("2000::/3");
const PRIVATE_V6 = [
  "2001::/23",
  "2001:db8::/32",
  "2620:4f:8000::/48",
  "3fff::/20",
  "64:ff9b:1::/48",
].map(prefix);

/** IPv6 forms that carry an IPv4, with where it sits; the address is judged by that IPv4. */
const EMBEDDING_V6: { prefix: Prefix; at: number; inverted?: boolean }[] = [
  { prefix: prefix("::ffff:0:0/96"), at: 12 }, // IPv4-mapped
  { prefix: prefix("::ffff:0:0:0/96"), at: 12 }, // SIIT (RFC 6145)
  { prefix: prefix("::/96"), at: 12 }, // IPv4-compatible, also :: and ::1 (0.0.0.0, 0.0.0.1)
  { prefix: prefix("64:ff9b::/96"), at: 12 }, // NAT64
  { prefix: prefix("2002::/16"), at: 2 }, // 6to4
  { prefix: prefix("2001::/32"), at: 4 }, // Teredo server
  { prefix: prefix("2001::/32"), at: 12, inverted: true }, // Teredo client, stored bit-inverted
];

function isPrivateV4(bytes: readonly number[]): boolean {
  return PRIVATE_V4.some((p) => inPrefix(bytes, p));
}

function isPrivateV6(bytes: readonly number[]): boolean {
  const carried = EMBEDDING_V6.filter((e) => inPrefix(bytes, e.prefix)).map((e) =>
    bytes.slice(e.at, e.at + 4).map((b) => (e.inverted ? ~b & 0xff : b)),
  );
  if (carried.length > 0) return carried.some(isPrivateV4);
  return !inPrefix(bytes, GLOBAL_UNICAST_V6) || PRIVATE_V6.some((p) => inPrefix(bytes, p));
}

/** The bytes of an IP literal host as URL writes it (`[v6]` or dotted v4), or null for a name. */
function literalBytes(host: string): number[] | null {
  if (host.startsWith("[") && host.endsWith("]")) {
    const inner = host.slice(1, -1);
    return ipaddr.IPv6.isValid(inner) ? ipaddr.IPv6.parse(inner).toByteArray() : null;
  }
  return ipaddr.IPv4.isValidFourPartDecimal(host) ? ipaddr.IPv4.parse(host).toByteArray() : null;
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
  const host = parsed.hostname.replace(/\.$/, "");
  if (host === "" || host === "[]") return URL_RULE_TEXT.invalid;

  const bytes = literalBytes(host);
  if (bytes) {
    if (options.allowLoopback && LOOPBACK.some((p) => inPrefix(bytes, p))) return undefined;
    if (bytes.length === 4 ? isPrivateV4(bytes) : isPrivateV6(bytes))
      return URL_RULE_TEXT.privateHost;
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
