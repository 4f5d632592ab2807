import { setTimeout as sleep } from "node:timers/promises";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Demo endpoints that stand in for a merchant's webhook receiver, so that pings can show every
 * outcome: `/receivers/ok/...` answers 200, `/receivers/fail/...` 500, `/receivers/slow/...` 200
 * after 6 s. Anything after the kind is free, so each webhook can have its own URL. Each delivery
 * is recorded, with what the receiver made of its signature, and can be read back from
 * `GET /__control/deliveries`.
 */

export const SLOW_RECEIVER_DELAY_MS = 6_000;
const KEEP_DELIVERIES = 500;

export type SignatureCheck = "valid" | "invalid" | "absent" | "unchecked";

export interface Delivery {
  at: string;
  path: string;
  status: number;
  headers: Record<string, string>;
  body: string;
  signature: SignatureCheck;
}

/** Checks a delivery's signature; the emulators provide one each. */
export type SignatureVerifier = (input: {
  url: string;
  headers: Record<string, string>;
  rawBody: Buffer;
}) => SignatureCheck | undefined;

export class Receivers {
  private deliveries: Delivery[] = [];

  constructor(
    private readonly verifiers: SignatureVerifier[],
    private readonly baseUrl: () => string,
  ) {}

  list(pathPrefix?: string): Delivery[] {
    return pathPrefix
      ? this.deliveries.filter((d) => d.path.startsWith(pathPrefix))
      : [...this.deliveries];
  }

  clear(): void {
    this.deliveries = [];
  }

  async handle(req: IncomingMessage, res: ServerResponse, path: string, rawBody: Buffer) {
    const kind = path.split("/")[2];
    const status = kind === "ok" || kind === "slow" ? 200 : kind === "fail" ? 500 : 404;
    if (status === 404) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: "unknown receiver; use /receivers/ok, /fail or /slow" }));
      return;
    }
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]),
    );
    const url = `${this.baseUrl()}${path}`;
    const signature =
      this.verifiers.map((verify) => verify({ url, headers, rawBody })).find(Boolean) ??
      "unchecked";
    if (kind === "slow") await sleep(SLOW_RECEIVER_DELAY_MS);
    this.record({
      at: new Date().toISOString(),
      path,
      status,
      headers,
      body: rawBody.toString("utf8"),
      signature,
    });
    if (res.destroyed) return;
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify({ received: status === 200, signature }));
  }

  private record(delivery: Delivery) {
    this.deliveries.push(delivery);
    if (this.deliveries.length > KEEP_DELIVERIES) this.deliveries.shift();
  }
}
