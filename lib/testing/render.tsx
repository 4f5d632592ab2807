import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NuqsTestingAdapter, type UrlUpdateEvent } from "nuqs/adapters/testing";
import type { ReactNode } from "react";
import { IntlProvider } from "use-intl";
import { vi } from "vitest";
import { MeProvider, type Me } from "@/components/auth/me-context";
import type { Language } from "@/lib/http/language";
import { messages } from "@/lib/i18n/messages";
import type { PingSummary, Webhook } from "@/lib/webhooks/model";

/**
 * For component and hook tests in jsdom: the providers the console's pages run under, with the URL
 * held by nuqs' testing adapter, and a fake console API in place of `fetch`.
 */

export const ADMIN: Me = { id: "u_1", email: "ana@example.test", name: "Ana", role: "admin" };

/** A Conekta webhook as the console's API returns it. */
/** A stored ping as the list and history show it: delivered, with overrides. */
export function makePingSummary(overrides: Partial<PingSummary> = {}): PingSummary {
  return {
    outcome: "delivered",
    httpStatus: 200,
    latencyMs: 5,
    messageCode: "delivered",
    messageValues: { status: 200 },
    at: "2026-05-04T12:00:00.000Z",
    by: "ana@example.test",
    ...overrides,
  };
}

export function makeWebhook(overrides: Partial<Webhook> = {}): Webhook {
  return {
    id: "wh_1",
    provider: "conekta",
    account: "default",
    url: "https://example.test/hook",
    events: ["order.paid"],
    active: null,
    status: "listening",
    hasSecret: null,
    alertEmail: null,
    createdAt: null,
    updatedAt: null,
    ...overrides,
  };
}

/** A query client that neither retries nor refetches on its own, so a test sees each request. */
export function makeTestQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, staleTime: Infinity, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

export function makeWrapper({
  client = makeTestQueryClient(),
  language = "en",
  me = ADMIN,
  searchParams = "",
  onUrlUpdate,
  timeZone = "UTC",
}: {
  client?: QueryClient;
  language?: Language;
  me?: Me | null;
  searchParams?: string;
  onUrlUpdate?: (event: UrlUpdateEvent) => void;
  timeZone?: string;
} = {}) {
  return function Wrapper({ children }: { children: ReactNode }) {
    return (
      <IntlProvider locale={language} messages={messages[language]} timeZone={timeZone}>
        <NuqsTestingAdapter searchParams={searchParams} onUrlUpdate={onUrlUpdate} hasMemory>
          <QueryClientProvider client={client}>
            <MeProvider me={me}>{children}</MeProvider>
          </QueryClientProvider>
        </NuqsTestingAdapter>
      </IntlProvider>
    );
  };
}

export interface FakeReply {
  status?: number;
  body?: unknown;
}

/**
 * Replaces `fetch` with a table of replies keyed by "METHOD /path" (the query string left out); a
 * request the table does not know answers 404. Returns the spy, to assert what was asked.
 */
export function stubApi(
  replies: Record<string, FakeReply | (() => FakeReply | Promise<FakeReply>)>,
) {
  const spy = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const href = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
    const url = new URL(href, "http://127.0.0.1");
    const key = `${init?.method ?? "GET"} ${url.pathname}`;
    const entry = replies[key];
    const reply = typeof entry === "function" ? await entry() : entry;
    const status = reply?.status ?? (reply ? 200 : 404);
    const body =
      reply?.body ??
      (reply
        ? null
        : { error: { code: "not_found", message: `No fake for ${key}`, requestId: "req_test" } });
    return new Response(status === 204 ? null : JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json" },
    });
  });
  vi.stubGlobal("fetch", spy);
  return spy;
}
