import { createHash, timingSafeEqual } from "node:crypto";
import type { EmulatorContext } from "../context";
import { header, type SandboxRequest } from "../http";
import { authFailed } from "./errors";

/**
 * HTTP Basic with the partner's `key_id:key_secret`. Razorpay takes the scheme word only as
 * `Basic`, so `basic` fails like a wrong key does; every failure gets the same 401.
 */
export function assertAuthenticated(req: SandboxRequest, keys: EmulatorContext["keys"]): void {
  const match = /^Basic ([A-Za-z0-9+/]+={0,2})$/.exec(header(req, "authorization") ?? "");
  if (!match?.[1]) throw authFailed();
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon === -1) throw authFailed();
  const keyIdOk = sameText(decoded.slice(0, colon), keys.razorpayKeyId);
  const secretOk = sameText(decoded.slice(colon + 1), keys.razorpayKeySecret);
  if (!keyIdOk || !secretOk) throw authFailed();
}

/** Constant-time comparison: the sandbox may listen on a shared network. */
function sameText(a: string, b: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(a), digest(b));
}
