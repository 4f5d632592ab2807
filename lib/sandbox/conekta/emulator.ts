import { z } from "zod";
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
import { readJsonBody, type RouteHandler, type RouteServices } from "./route-context";
import { createBodySchemas } from "./schemas";
import { createSeededStore } from "./seed";
import { createWebhookSigner } from "./signing";
import type { ConektaStore } from "./store";
import {
  conektaMediaType,
  DEFAULT_CONEKTA_API_VERSION,
  versionOfAccept,
  type ConektaApiVersion,
} from "./versions";
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listWebhooks,
  testWebhook,
  updateWebhook,
} from "./webhook-routes";

/**
 * The media type of replies that have no request to take a version from (fault replies, which the
 * shared server sends): the default version's.
 */
export const CONEKTA_CONTENT_TYPE = conektaMediaType(DEFAULT_CONEKTA_API_VERSION);

/**
 * Every reply says the version that served it, in `content-type` (the media type the spec declares)
 * and in Conekta's `Conekta-Media-Type` header.
 */
function mediaTypeHeaders(version: ConektaApiVersion): Record<string, string> {
  return {
    "content-type": conektaMediaType(version),
    "conekta-media-type": `conekta-v${version}; format=application/json`,
  };
}

type Operation = "list" | "create" | "get" | "update" | "delete" | "test";

const ROUTES: { method: string; pattern: string; handler: RouteHandler; operation?: Operation }[] =
  [
    { method: "GET", pattern: "/webhooks", handler: listWebhooks, operation: "list" },
    { method: "POST", pattern: "/webhooks", handler: createWebhook, operation: "create" },
    { method: "GET", pattern: "/webhooks/:id", handler: getWebhook, operation: "get" },
    { method: "PUT", pattern: "/webhooks/:id", handler: updateWebhook, operation: "update" },
    { method: "DELETE", pattern: "/webhooks/:id", handler: deleteWebhook, operation: "delete" },
    { method: "POST", pattern: "/webhooks/:id/test", handler: testWebhook, operation: "test" },
    { method: "GET", pattern: "/events", handler: listEvents },
    { method: "GET", pattern: "/events/:id", handler: getEvent },
    { method: "GET", pattern: "/companies", handler: listCompanies },
    { method: "GET", pattern: "/companies/:id", handler: getCompany },
    { method: "POST", pattern: "/webhook_keys", handler: createWebhookKey },
  ];

/**
 * The sandbox's own switch for what real Conekta might do but the spec does not say: which
 * webhook operations ignore `X-Child-Company-Id` (the spec declares it only on list, get and
 * update). Off by default; `reset()` turns it off. Set with `PUT /conekta/__sandbox/quirks`.
 */
const quirksSchema = z.strictObject({
  ignoreChildCompanyHeaderOn: z.array(z.enum(["create", "delete", "test"])).default([]),
});
export type ConektaQuirks = z.input<typeof quirksSchema>;
export const CONEKTA_QUIRKS_PATH = "/__sandbox/quirks";

/** Conekta API 2.1.0 and 2.2.0 (webhooks, events, child companies, webhook keys); see README.md beside. */
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
    (store ??= createSeededStore(context.baseUrl(), {
      childCompanies: context.extraChildCompanies,
      webhooks: context.extraWebhooks.conekta,
    }));

  let quirks = quirksSchema.parse({});

  function handle(req: SandboxRequest): SandboxResponse {
    const language = languageOf(header(req, "accept-language"));
    const version = versionOfAccept(header(req, "accept"));
    const headers = mediaTypeHeaders(version);
    try {
      if (req.path === CONEKTA_QUIRKS_PATH) return setQuirks(req);
      authenticate(req, context.keys.conektaApiKey);
      const match = findRoute(req);
      if (!match) throw conektaErrors.routeNotFound(req.method, req.path);
      const storeNow = currentStore();
      const ignoresHeader = quirks.ignoreChildCompanyHeaderOn.some((op) => op === match.operation);
      const company = ignoresHeader ? storeNow.parent : companyOf(req, storeNow);
      const reply = match.handler({
        req,
        params: match.params,
        company,
        version,
        store: storeNow,
        services,
      });
      return { ...reply, headers: { ...headers, ...reply.headers } };
    } catch (error) {
      if (!(error instanceof ConektaError)) throw error;
      return { status: error.status, headers, body: error.toBody(language) };
    }
  }

  // PUT /conekta/__sandbox/quirks: the sandbox's own control, not Conekta's (no key needed).
  function setQuirks(req: SandboxRequest): SandboxResponse {
    if (req.method !== "PUT") throw conektaErrors.routeNotFound(req.method, req.path);
    const parsed = quirksSchema.safeParse(readJsonBody(req));
    if (!parsed.success) return { status: 400, body: { error: z.prettifyError(parsed.error) } };
    quirks = parsed.data;
    return { status: 200, body: quirks };
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
      quirks = quirksSchema.parse({});
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
    if (params) return { handler: route.handler, operation: route.operation, params };
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
