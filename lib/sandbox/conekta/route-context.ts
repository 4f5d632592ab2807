import type { SandboxRequest, SandboxResponse } from "../http";
import { conektaErrors } from "./errors";
import type { CompanyRecord } from "./resources";
import type { BodySchemas } from "./schemas";
import type { WebhookSigner } from "./signing";
import type { ConektaStore } from "./store";
import type { ConektaApiVersion } from "./versions";

/** What the emulator hands a route handler for one request. */
export interface RouteContext {
  req: SandboxRequest;
  params: Record<string, string>;
  /** The company the call is for: the holding, or the child named by `X-Child-Company-Id`. */
  company: CompanyRecord;
  /** The API version the request's `Accept` asked for (2.1.0 when none or unknown). */
  version: ConektaApiVersion;
  store: ConektaStore;
  services: RouteServices;
}

/** Long-lived helpers shared by every request. */
export interface RouteServices {
  schemas: BodySchemas;
  /** The same schemas with loopback URLs allowed, for a PUT that keeps a seeded loopback URL. */
  loopbackSchemas: BodySchemas;
  signer: WebhookSigner;
  newId: () => string;
  now: () => Date;
  /** Absolute URL of a Conekta path on this sandbox, e.g. `http://127.0.0.1:4010/conekta/webhooks`. */
  urlOf: (path: string) => string;
  /** Runs work after the reply has gone out (deliveries). */
  later: (work: () => Promise<void>) => void;
}

export type RouteHandler = (context: RouteContext) => SandboxResponse;

export function ok(body: unknown): SandboxResponse {
  return { status: 200, body };
}

/** The request's JSON body: `{}` when empty, a Conekta 422 when it is not JSON. */
export function readJsonBody(req: SandboxRequest): unknown {
  const text = req.rawBody.toString("utf8").trim();
  if (text === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw conektaErrors.malformedJson();
  }
}

/** Case- and accent-insensitive text, for `search` ("cafe" finds "Café Central"). */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}
