import "server-only";
import createClient from "openapi-fetch";
import type { z } from "zod";
import type { Language } from "@/lib/http/language";
import { callProvider, fetchWithTimeout } from "@/lib/providers/request";
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

/**
 * A typed client over `fetch` for Conekta's API (types generated from the 2.1.0 spec). Node's
 * fetch keeps connections alive between calls, so one client per process reuses them.
 */
export function createConektaClient(config: ConektaClientConfig) {
  const client = createClient<paths>({
    baseUrl: config.apiBase,
    fetch: fetchWithTimeout(config.timeoutMs),
    headers: {
      Authorization: `Bearer ${config.apiKey}`,
      Accept: `application/vnd.conekta-v${config.apiVersion}+json`,
    },
  });

  function headersFor(scope: ConektaScope) {
    return {
      "Accept-Language": scope.language,
      // The spec declares this header on only some operations; Conekta scopes every call by it.
      ...(scope.childCompanyId ? { "X-Child-Company-Id": scope.childCompanyId } : {}),
    };
  }

  /** Runs a call, maps a Conekta error reply, and parses the success body with `schema`. */
  async function send<S extends z.ZodType>(
    schema: S,
    call: () => Promise<{ data?: unknown; error?: unknown; response: Response }>,
  ): Promise<z.output<S>> {
    return callProvider("Conekta", async () => {
      const { data, error, response } = await call();
      if (!response.ok) throw toConektaAppError(response.status, error, response.headers);
      const parsed = schema.safeParse(data);
      if (!parsed.success)
        throw new SyntaxError(`Conekta reply did not match: ${parsed.error.message}`);
      return parsed.data;
    });
  }

  return { raw: client, headersFor, send };
}

export type ConektaClient = ReturnType<typeof createConektaClient>;
