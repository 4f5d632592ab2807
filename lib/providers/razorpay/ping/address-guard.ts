import { promises as dns } from "node:dns";
import { isIP } from "node:net";
import { AppError } from "@/lib/http/errors";
import { isNonPublicIp } from "@/lib/net/ip-ranges";

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

/**
 * True when a ping must not go to this address (URL brackets allowed). The range decision is the
 * console's one check in lib/net/ip-ranges.ts; anything that is not a plain IP address counts as
 * forbidden: when in doubt, send nothing.
 */
export function isForbiddenAddress(ip: string): boolean {
  return isNonPublicIp(ip.trim().replace(/^\[(.*)\]$/, "$1"));
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
