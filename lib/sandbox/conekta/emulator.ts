import type { EmulatorContext } from "../context";
import { header, matchPath, type SandboxRequest, type SandboxResponse } from "../http";
import type { Emulator } from "../server";
import {
  createWebhookKey,
  getCompany,
  getEvent,
  listCompanies,
  listEvents,
} from "./account-routes";
import { ConektaError, conektaErrors, errorForStatus } from "./errors";
import { createIdFactory } from "./ids";
import { languageOf } from "./messages";
import type { CompanyRecord } from "./resources";
import type { RouteHandler, RouteServices } from "./route-context";
import { createBodySchemas } from "./schemas";
import { createSeededStore } from "./seed";
import { createWebhookSigner } from "./signing";
import type { ConektaStore } from "./store";
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listWebhooks,
  testWebhook,
  updateWebhook,
} from "./webhook-routes";

/** The media type of every reply, as the spec declares it for API 2.1.0. */
export const CONEKTA_CONTENT_TYPE = "application/vnd.conekta-v2.1.0+json";
/**
 * Conekta's `Conekta-Media-Type` reply header names the version that served the call. The sandbox
 * serves 2.1.0 whatever `Accept` asks for (it emulates no other version), and says so here.
 */
const MEDIA_TYPE_HEADERS = { "conekta-media-type": "conekta-v2.1.0; format=application/json" };

const ROUTES: { method: string; pattern: string; handler: RouteHandler }[] = [
  { method: "GET", pattern: "/webhooks", handler: listWebhooks },
  { method: "POST", pattern: "/webhooks", handler: createWebhook },
  { method: "GET", pattern: "/webhooks/:id", handler: getWebhook },
  { method: "PUT", pattern: "/webhooks/:id", handler: updateWebhook },
  { method: "DELETE", pattern: "/webhooks/:id", handler: deleteWebhook },
  { method: "POST", pattern: "/webhooks/:id/test", handler: testWebhook },
  { method: "GET", pattern: "/events", handler: listEvents },
  { method: "GET", pattern: "/events/:id", handler: getEvent },
  { method: "GET", pattern: "/companies", handler: listCompanies },
  { method: "GET", pattern: "/companies/:id", handler: getCompany },
  { method: "POST", pattern: "/webhook_keys", handler: createWebhookKey },
];

/** Conekta API 2.1.0 (webhooks, events, child companies, webhook keys); see README.md beside. */
export function createConektaEmulator(context: EmulatorContext): Emulator {
  const signer = createWebhookSigner();
  const services: RouteServices = {
    schemas: createBodySchemas(context.allowLoopback),
    loopbackSchemas: createBodySchemas(true),
    signer,
    newId: createIdFactory(context.now),
    now: context.now,
    urlOf: (path) => `${context.baseUrl()}/conekta${path}`,
    later: (work) => {
      setImmediate(() => {
        work().catch((error: unknown) => console.error("sandbox: conekta delivery failed", error));
      });
    },
  };
  // Seeded on first use: the demo receivers' URLs need the sandbox's address, known after listen.
  let store: ConektaStore | undefined;
  const currentStore = () =>
    (store ??= createSeededStore(context.baseUrl(), context.extraChildCompanies));

  function handle(req: SandboxRequest): SandboxResponse {
    const language = languageOf(header(req, "accept-language"));
    try {
      authenticate(req, context.keys.conektaApiKey);
      const match = findRoute(req);
      if (!match) throw conektaErrors.routeNotFound(req.method, req.path);
      const storeNow = currentStore();
      const company = companyOf(req, storeNow);
      const reply = match.handler({
        req,
        params: match.params,
        company,
        store: storeNow,
        services,
      });
      return { ...reply, headers: { ...MEDIA_TYPE_HEADERS, ...reply.headers } };
    } catch (error) {
      if (!(error instanceof ConektaError)) throw error;
      return { status: error.status, headers: MEDIA_TYPE_HEADERS, body: error.toBody(language) };
    }
  }

  return {
    name: "conekta",
    contentType: CONEKTA_CONTENT_TYPE,
    handle: (req) => Promise.resolve(handle(req)),
    accountOf: (req) => childCompanyId(req) ?? "default",
    // A fault has no request to take a language from: the default, Spanish.
    errorBody: (status) => errorForStatus(status).toBody("es"),
    reset: () => {
      store = undefined;
    },
    verifySignature: ({ headers, rawBody }) => {
      // Only Conekta deliveries carry `DIGEST`; anything else is left to the other verifiers.
      const digest = headers.digest;
      if (!digest) return undefined;
      return signer.verify(rawBody, digest) ? "valid" : "invalid";
    },
  };
}

function authenticate(req: SandboxRequest, apiKey: string) {
  const authorization = header(req, "authorization")?.trim() ?? "";
  if (authorization === "") throw conektaErrors.missingKey();
  const [scheme = "", token = ""] = authorization.split(/\s+/, 2);
  if (scheme.toLowerCase() !== "bearer" || token === "") throw conektaErrors.missingKey();
  if (token !== apiKey) throw conektaErrors.invalidKey();
}

function findRoute(req: SandboxRequest) {
  for (const route of ROUTES) {
    if (route.method !== req.method) continue;
    let params: Record<string, string> | null;
    try {
      params = matchPath(route.pattern, req.path);
    } catch {
      // A malformed %-escape in the path names no resource.
      params = null;
    }
    if (params) return { handler: route.handler, params };
  }
  return undefined;
}

function childCompanyId(req: SandboxRequest): string | undefined {
  const value = header(req, "x-child-company-id")?.trim();
  return value ? value : undefined;
}

/**
 * `X-Child-Company-Id` scopes every call to that child company (the spec declares it on only
 * some operations). An id that is not a child of the holding gets the 404 of an unknown entity,
 * naming the company in `debug_message`.
 */
function companyOf(req: SandboxRequest, store: ConektaStore): CompanyRecord {
  const id = childCompanyId(req);
  if (id === undefined) return store.parent;
  const child = store.childCompany(id);
  if (!child) throw conektaErrors.entityNotFound("Company", id);
  return child;
}
