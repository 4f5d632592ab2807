import { promises as dns } from "node:dns";
import { BlockList, isIP } from "node:net";
import { AppError } from "@/lib/http/errors";

/**
 * The console's server sends Razorpay pings itself, to a URL an operator typed: without this guard
 * it would be a request forger aimed at our own network (databases, cloud metadata, the sandbox).
 */

export type PingRefusedReason = "port" | "private-address" | "scheme" | "dns";

/** A ping that was refused before anything left the server; the message says why, in English. */
export class PingRefusedError extends AppError {
  override name = "PingRefusedError";
  readonly reason: PingRefusedReason;

  constructor(reason: PingRefusedReason, message: string) {
    // An AppError so that a caller that forgets to map it still answers 400 with this message.
    super("bad_request", message);
    this.reason = reason;
  }
}

export type LookupAll = (host: string) => Promise<{ address: string; family: 4 | 6 }[]>;

export interface ResolvedTarget {
  address: string;
  family: 4 | 6;
  port: number;
}

// IANA special-purpose registries: nothing here is a public web host a webhook could live on.
const blocked = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8], // "this network", includes the unspecified 0.0.0.0
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // CGNAT; also Alibaba's metadata 100.100.100.200
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local; AWS/GCP/Azure metadata 169.254.169.254
  ["172.16.0.0", 12],
  ["192.0.0.0", 24], // IETF protocol assignments; Oracle metadata 192.0.0.192
  ["192.0.2.0", 24], // documentation
  ["192.88.99.0", 24], // deprecated 6to4 relay anycast
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation
  ["203.0.113.0", 24], // documentation
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, includes the broadcast 255.255.255.255
  ["168.63.129.16", 32], // Azure's platform wire server, reachable from every Azure VM
] as const) {
  blocked.addSubnet(net, bits, "ipv4");
}
for (const [net, bits] of [
  ["::", 96], // unspecified, loopback and the deprecated IPv4-compatible form
  ["64:ff9b:1::", 48], // local-use NAT64
  ["100::", 64], // discard-only
  ["2001:2::", 48], // benchmarking
  ["2001:10::", 28], // ORCHID
  ["2001:20::", 28], // ORCHIDv2
  ["2001:db8::", 32], // documentation
  ["3fff::", 20], // documentation (RFC 9637)
  ["5f00::", 16], // SRv6 SIDs
  ["fc00::", 7], // unique-local; AWS metadata fd00:ec2::254
  ["fe80::", 10], // link-local
  ["fec0::", 10], // deprecated site-local
  ["ff00::", 8], // multicast
] as const) {
  blocked.addSubnet(net, bits, "ipv6");
}

/** The eight 16-bit groups of a valid IPv6 address (a dotted IPv4 tail is allowed). */
function ipv6Groups(ip: string): number[] {
  let text = ip;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted[1].split(".").map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const parse = (part: string) => (part === "" ? [] : part.split(":").map((g) => parseInt(g, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

function ipv4Of(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
}

/** IPv4 addresses an IPv6 address carries and would reach: mapped, translated, NAT64, 6to4, Teredo. */
function embeddedIpv4(g: number[]): string[] {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const found: string[] = [];
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0) {
    if (g4 === 0 && g5 === 0xffff) found.push(ipv4Of(g6, g7)); // ::ffff:a.b.c.d, mapped
    if (g4 === 0xffff && g5 === 0) found.push(ipv4Of(g6, g7)); // ::ffff:0:a.b.c.d, SIIT
  }
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) {
    found.push(ipv4Of(g6, g7)); // 64:ff9b::a.b.c.d, NAT64
  }
  if (g0 === 0x2002) found.push(ipv4Of(g1, g2)); // 2002:AABB:CCDD::/48, 6to4
  if (g0 === 0x2001 && g1 === 0) {
    // Teredo: the server is in clear, the client's address is stored bit-inverted.
    found.push(ipv4Of(g2, g3), ipv4Of(~g6 & 0xffff, ~g7 & 0xffff));
  }
  return found;
}

/**
 * True when a ping must not go to this address. Anything that is not a plain IP address (after
 * dropping URL brackets and a zone id) counts as forbidden: when in doubt, send nothing.
 */
export function isForbiddenAddress(ip: string): boolean {
  const bare = ip
    .trim()
    .replace(/^\[(.*)\]$/, "$1")
    .replace(/%.*$/, "");
  const family = isIP(bare);
  if (family === 4) return blocked.check(bare, "ipv4");
  if (family !== 6) return true;
  if (blocked.check(bare, "ipv6")) return true;
  return embeddedIpv4(ipv6Groups(bare)).some((v4) => blocked.check(v4, "ipv4"));
}

async function lookupWithDns(host: string): Promise<{ address: string; family: 4 | 6 }[]> {
  const found = await dns.lookup(host, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
}

/**
 * Checks a ping URL and picks the one address to connect to. The caller must connect to exactly
 * that address: looking the name up again would let DNS rebinding swap in a private one.
 */
export async function resolveTarget(
  url: URL,
  options: { allowPrivate: boolean; lookup?: LookupAll },
): Promise<ResolvedTarget> {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new PingRefusedError(
      "scheme",
      `The URL uses ${url.protocol.replace(/:$/, "")}; pings are only sent over http or https.`,
    );
  }
  const port = url.port === "" ? (url.protocol === "https:" ? 443 : 80) : Number(url.port);
  if (!options.allowPrivate && port !== 80 && port !== 443) {
    throw new PingRefusedError(
      "port",
      `The URL uses port ${port}; pings only go to ports 80 and 443.`,
    );
  }

  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const literal = isIP(host);
  let addresses: { address: string; family: 4 | 6 }[];
  if (literal === 4 || literal === 6) {
    addresses = [{ address: host, family: literal }];
  } else {
    try {
      addresses = await (options.lookup ?? lookupWithDns)(host);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | null)?.code;
      throw new PingRefusedError(
        "dns",
        `The host ${host} could not be resolved${code ? ` (${code})` : ""}.`,
      );
    }
  }
  const first = addresses[0];
  if (!first) throw new PingRefusedError("dns", `The host ${host} has no address.`);

  if (!options.allowPrivate) {
    // Every address counts, not just the first: a client may fall back to any of them.
    const forbidden = addresses.find((a) => isForbiddenAddress(a.address));
    if (forbidden) {
      throw new PingRefusedError(
        "private-address",
        `The URL resolves to a private address (${forbidden.address}); pings only go to public hosts.`,
      );
    }
  }
  return { address: first.address, family: first.family, port };
}
