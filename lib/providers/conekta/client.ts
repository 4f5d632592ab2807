import "server-only";
import type { Client, ClientPathsWithMethod, MaybeOptionalInit } from "openapi-fetch";
import type { z } from "zod";
import type { Language } from "@/lib/http/language";
import {
  callProvider,
  createProviderSender,
  parseErrorBody,
  splitApiBase,
  toQueryString,
  type ProviderReply,
  type ProviderRequest,
} from "@/lib/providers/request";
import { toConektaAppError } from "./errors";
import type { paths } from "./openapi";

export interface ConektaClientConfig {
  apiKey: string;
  apiBase: string;
  apiVersion: string;
  timeoutMs: number;
}

/** The company a call is for: the holding's own (`default`) or one of its child companies. */
export type ConektaScope = { language: Language; childCompanyId?: string };

type Method = "get" | "put" | "post" | "delete";
/**
 * What a call may take: the spec's path, query and body types (openapi-fetch's, from the generated
 * `paths`), with headers as a plain object.
 */
type CallInit<P extends keyof paths, M extends Method> = Omit<
  NonNullable<MaybeOptionalInit<paths[P], M>>,
  "headers"
> & { headers?: Record<string, string> };
type CallMethod<M extends Method> = <P extends ClientPathsWithMethod<Client<paths>, M>>(
  path: P,
  init: CallInit<P, M>,
) => Promise<ProviderReply>;

/** The runtime view of a call's init: what the spec's types narrow at each call site. */
interface AnyInit {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown> };
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * A typed client for Conekta's API: paths, parameters and bodies are checked against the types
 * generated from its spec (2.1.0), and the calls go through the provider sender
 * (lib/providers/request.ts) instead of openapi-fetch over `fetch`, whose `Request` and `Response`
 * objects cost more than the call does on a near network. Replies are parsed with zod in `send`.
 */
export function createConektaClient(config: ConektaClientConfig) {
  const sendRequest = createProviderSender(config.timeoutMs);
  const { origin, prefix } = splitApiBase(config.apiBase);
  const defaults = {
    Authorization: `Bearer ${config.apiKey}`,
    Accept: `application/vnd.conekta-v${config.apiVersion}+json`,
  };

  function call(method: ProviderRequest["method"], template: string, init: AnyInit) {
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(String(init.params?.path?.[name])),
    );
    const body = init.body === undefined ? undefined : JSON.stringify(init.body);
    return sendRequest({
      method,
      origin,
      path: `${prefix}${path}${toQueryString(init.params?.query)}`,
      headers: {
        ...defaults,
        // No body, no Content-Type (Conekta's test endpoint refuses even an empty one).
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        ...init.headers,
      },
      body,
    });
  }

  const raw = {
    GET: ((path, init) => call("GET", path, init)) as CallMethod<"get">,
    PUT: ((path, init) => call("PUT", path, init)) as CallMethod<"put">,
    POST: ((path, init) => call("POST", path, init)) as CallMethod<"post">,
    DELETE: ((path, init) => call("DELETE", path, init)) as CallMethod<"delete">,
  };

  function headersFor(scope: ConektaScope): Record<string, string> {
    return {
      "Accept-Language": scope.language,
      // The spec declares this header on only some operations; Conekta scopes every call by it.
      ...(scope.childCompanyId ? { "X-Child-Company-Id": scope.childCompanyId } : {}),
    };
  }

  /** Runs a call, maps a Conekta error reply, and parses the success body with `schema`. */
  async function send<S extends z.ZodType>(
    schema: S,
    request: () => Promise<ProviderReply>,
  ): Promise<z.output<S>> {
    return callProvider("Conekta", async () => {
      const reply = await request();
      if (!reply.ok)
        throw toConektaAppError(reply.status, parseErrorBody(reply.text), reply.headers);
      const data: unknown = reply.text === "" ? undefined : JSON.parse(reply.text);
      const parsed = schema.safeParse(data);
      if (!parsed.success)
        throw new SyntaxError(`Conekta reply did not match: ${parsed.error.message}`);
      return parsed.data;
    });
  }

  return { raw, headersFor, send };
}

export type ConektaClient = ReturnType<typeof createConektaClient>;
