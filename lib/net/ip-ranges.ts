import ipaddr from "ipaddr.js";

/**
 * The console's one answer to "could a public webhook receiver live at this address?", shared by
 * the form (in the browser), the console API and the ping guard (on the server). ipaddr.js names
 * the IANA special-purpose ranges; the tables below add what it calls plain unicast but no public
 * receiver can be. The sandbox keeps its own, independent table so that the two can disagree in a
 * test (lib/net/ip-ranges.agreement.test.ts) instead of sharing a mistake.
 */

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

function cidrs(list: readonly string[]): Cidr[] {
  return list.map((text) => ipaddr.parseCIDR(text));
}

/** IPv4 addresses ipaddr.js calls unicast that a ping must still never reach. */
const EXTRA_V4 = cidrs([
  // Azure's platform wire server: a public address, but only reachable from inside Azure.
  "168.63.129.16/32",
]);

/** Only 2000::/3 is allocated for global unicast; the rest of "unicast" is unassigned space. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR("2000::/3");

/** The NAT64 well-known prefix; 64:ff9b:1::/48 beside it is local-use (RFC 8215), never public. */
const NAT64_WELL_KNOWN = ipaddr.parseCIDR("64:ff9b::/96");

/** IPv6 ranges ipaddr.js reads as unicast whose last 32 bits are an IPv4 (IPv4-compatible). */
const IPV4_COMPATIBLE = ipaddr.parseCIDR("::/96");

function matchesAny(address: ipaddr.IPv4 | ipaddr.IPv6, list: readonly Cidr[]): boolean {
  return list.some((cidr) => address.kind() === cidr[0].kind() && address.match(cidr));
}

function ipv4FromWords(high: number, low: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

function isNonPublicV4(address: ipaddr.IPv4): boolean {
  return address.range() !== "unicast" || matchesAny(address, EXTRA_V4);
}

/**
 * The IPv4 addresses an IPv6 address would reach (mapped, SIIT, IPv4-compatible, NAT64, 6to4 and
 * both ends of Teredo), or null when it embeds none and is judged as IPv6.
 */
function embeddedIpv4(address: ipaddr.IPv6): ipaddr.IPv4[] | null {
  const [p0 = 0, p1 = 0, p2 = 0, p3 = 0, , , p6 = 0, p7 = 0] = address.parts;
  switch (address.range()) {
    case "ipv4Mapped": // ::ffff:a.b.c.d
    case "rfc6145": // ::ffff:0:a.b.c.d
      return [ipv4FromWords(p6, p7)];
    case "rfc6052":
      return address.match(NAT64_WELL_KNOWN) ? [ipv4FromWords(p6, p7)] : null;
    case "6to4": // 2002:AABB:CCDD::/48
      return [ipv4FromWords(p1, p2)];
    case "teredo":
      // The Teredo server is in clear; the client's address is stored bit-inverted.
      return [ipv4FromWords(p2, p3), ipv4FromWords(~p6 & 0xffff, ~p7 & 0xffff)];
    case "unicast":
      return p0 === 0 && address.match(IPV4_COMPATIBLE) ? [ipv4FromWords(p6, p7)] : null;
    default:
      return null;
  }
}

function isNonPublicV6(address: ipaddr.IPv6): boolean {
  // A zone id only makes sense for a link- or site-scoped address.
  if (address.zoneId) return true;
  const embedded = embeddedIpv4(address);
  if (embedded) return embedded.some(isNonPublicV4);
  return address.range() !== "unicast" || !address.match(GLOBAL_UNICAST_V6);
}

/**
 * True for anything that is not a public unicast address: private, loopback, link-local, CGNAT,
 * documentation, benchmarking, multicast, reserved, cloud metadata, an IPv6 form carrying such an
 * IPv4, and any text that is not an address in its plain form (when in doubt, it is not public).
 */
export function isNonPublicIp(address: string): boolean {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    return true;
  }
  if (parsed.kind() === "ipv4") {
    // ipaddr.js also reads `0x7f.1` or `2130706433`; only dotted decimal is unambiguous here.
    if (!ipaddr.IPv4.isValidFourPartDecimal(address)) return true;
    return isNonPublicV4(parsed as ipaddr.IPv4);
  }
  return isNonPublicV6(parsed as ipaddr.IPv6);
}

/**
 * For a WHATWG URL `hostname` (IPv6 in brackets, odd IPv4 forms already normalised): true for a
 * non-public IP literal and for localhost names. Other names are false: they are resolved and
 * checked again, address by address, when the console pings them.
 */
export function isNonPublicHost(hostname: string): boolean {
  // `localhost.` is `localhost`: a trailing dot names the same host.
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (host.startsWith("[") && host.endsWith("]")) return isNonPublicIp(host.slice(1, -1));
  // URL has already turned `0x7f.1` into `127.0.0.1`; any other IPv4 spelling is refused too.
  if (ipaddr.IPv4.isValid(host)) return isNonPublicIp(host);
  return false;
}
