import "server-only";
import { responseExcerpt } from "@/lib/webhooks/response-excerpt";
import { request as httpRequest, type IncomingMessage, type RequestOptions } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import type { PingReport } from "@/lib/webhooks/model";
import {
  PingRefusedError,
  resolveTarget,
  type LookupAll,
  type ResolvedTarget,
} from "./address-guard";
import { buildSampleEvent } from "./sample-event";
import { signRazorpayBody } from "./signature";

/** Razorpay gives an endpoint 5 s to answer (PROVIDERS.md); a ping holds it to the same rule. */
export const DEFAULT_PING_TIMEOUT_MS = 5_000;
/** Enough to let a normal reply finish; a ping never needs the endpoint's whole answer. */
export const MAX_RESPONSE_BYTES = 64 * 1024;
/** How much of the reply is read for its excerpt (a few characters may take 4 bytes each). */
const EXCERPT_BYTES = 1024;

export interface SendRazorpayPingInput {
  url: string;
  accountId: string;
  event: string;
  /** Signs the ping when given. Never logged and never put in a message. */
  secret?: string;
  /** Only the sandbox may ping loopback/private addresses and ports other than 80 and 443. */
  allowPrivate: boolean;
  timeoutMs?: number;
  lookup?: LookupAll;
  now?: () => Date;
}

/**
 * request() options that connect to the address resolveTarget checked and nowhere else, while the
 * Host header, SNI and certificate check still use the name the operator typed.
 */
export function toRequestOptions(
  url: URL,
  target: ResolvedTarget,
  headers: Record<string, string>,
): RequestOptions & { servername?: string } {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  // A second DNS lookup here could answer differently (DNS rebinding), so the lookup is pinned.
  const pinnedLookup: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  return {
    method: "POST",
    host,
    port: target.port,
    path: `${url.pathname}${url.search}`,
    lookup: pinnedLookup,
    // A fresh connection per ping: a pooled socket might have been opened to another address.
    agent: false,
    headers: { Host: url.host, ...headers },
    // SNI must be a name, never an IP literal; certificate checking stays on (no rejectUnauthorized).
    ...(url.protocol === "https:" && isIP(host) === 0 ? { servername: host } : {}),
  };
}

type PingMessage = Pick<PingReport, "messageCode" | "messageValues">;

/** What went wrong on the wire, as a message code: the error code, never a stack or a header value. */
function networkErrorMessage(error: NodeJS.ErrnoException, host: string): PingMessage {
  const code = error.code ?? "";
  const withHost = (messageCode: PingMessage["messageCode"]): PingMessage => ({
    messageCode,
    messageValues: { host },
  });
  switch (code) {
    case "ECONNREFUSED":
      return withHost("connection_refused");
    case "ECONNRESET":
    case "EPIPE":
      return withHost("connection_reset");
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return withHost("host_unreachable");
    case "HPE_INVALID_CONSTANT":
    case "HPE_INVALID_VERSION":
    case "HPE_INVALID_STATUS":
      return withHost("invalid_http");
  }
  // `none` picks the message's variant without a code in parentheses.
  const messageValues = { host, code: code || "none" };
  if (/CERT|TLS|SSL|EPROTO/.test(code) || /certificate|TLS|SSL/i.test(error.message)) {
    return { messageCode: "tls_failed", messageValues };
  }
  return { messageCode: "request_failed", messageValues };
}

/**
 * Razorpay has no test-ping API, so the console POSTs a signed sample event itself and reports
 * the endpoint's status and latency. A PingRefusedError (scheme, port, private address, DNS) is
 * thrown before anything is sent and is left for the caller to report.
 */
export async function sendRazorpayPing(input: SendRazorpayPingInput): Promise<PingReport> {
  const now = input.now ?? (() => new Date());
  const timeoutMs = input.timeoutMs ?? DEFAULT_PING_TIMEOUT_MS;
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    throw new PingRefusedError("scheme", "The URL is not a valid http or https URL.");
  }
  const target = await resolveTarget(url, {
    allowPrivate: input.allowPrivate,
    lookup: input.lookup,
  });

  const { eventId, body } = buildSampleEvent({
    accountId: input.accountId,
    event: input.event,
    now: now(),
  });
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "Content-Length": String(Buffer.byteLength(body)),
    "User-Agent": "Razorpay-Webhook/v1",
    "X-Razorpay-Event-Id": eventId,
  };
  if (input.secret) headers["X-Razorpay-Signature"] = signRazorpayBody(body, input.secret);

  const options = toRequestOptions(url, target, headers);
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  const result = (partial: Omit<PingReport, "at">): PingReport => ({
    ...partial,
    at: now().toISOString(),
  });

  return new Promise<PingReport>((resolve) => {
    let settled = false;
    let answered: PingReport | null = null;
    const started = performance.now();
    const req = send(options);

    const settle = (outcome: PingReport) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
      // The answer is known; drop the connection and whatever body is left.
      req.destroy();
    };

    // One deadline for connect, headers and the little body we read: no stage can stall a ping.
    const timer = setTimeout(() => {
      settle(
        answered ??
          result({
            outcome: "failed",
            httpStatus: null,
            latencyMs: null,
            messageCode: "timed_out",
            messageValues: { seconds: Number((timeoutMs / 1000).toFixed(1)) },
          }),
      );
    }, timeoutMs);

    req.on("response", (res: IncomingMessage) => {
      const latencyMs = Math.round(performance.now() - started);
      const status = res.statusCode ?? 0;
      const delivered = status >= 200 && status < 300;
      // A 3xx is the endpoint's answer, never followed: a redirect could point anywhere, private too.
      const redirect = status >= 300 && status < 400;
      answered = result({
        outcome: delivered ? "delivered" : "failed",
        httpStatus: status,
        latencyMs,
        messageCode: delivered ? "delivered" : redirect ? "redirect_not_followed" : "failed_status",
        messageValues: { status },
      });
      let received = 0;
      // The reply's start is kept for the ping's details (an error message, most often).
      const head: Buffer[] = [];
      const withExcerpt = (report: PingReport): PingReport => ({
        ...report,
        responseExcerpt: responseExcerpt(
          Buffer.concat(head).subarray(0, EXCERPT_BYTES).toString("utf8"),
        ),
      });
      res.on("data", (chunk: Buffer) => {
        if (received < EXCERPT_BYTES) head.push(chunk);
        received += chunk.length;
        if (received >= MAX_RESPONSE_BYTES && answered) settle(withExcerpt(answered));
      });
      res.on("end", () => answered && settle(withExcerpt(answered)));
      res.on("error", () => answered && settle(withExcerpt(answered)));
    });

    req.on("error", (error: NodeJS.ErrnoException) => {
      settle(
        answered ??
          result({
            outcome: "failed",
            httpStatus: null,
            latencyMs: null,
            ...networkErrorMessage(error, url.host),
          }),
      );
    });

    req.end(body);
  });
}
