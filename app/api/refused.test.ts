// Refuse before forwarding (issue 9 item 2): every request the console refuses, on every API route
// and for both providers, is refused before anything reaches the provider. The sandbox records each
// provider API request (GET /__control/calls), so each row asserts its status, its envelope and its
// message, and that the sandbox got ZERO requests meanwhile. The cursors come from the console's own
// replies, so a cursor of another account, provider, list or search is one the console really
// handed out; ./cursor-paging.test.ts proves that such cursors still page, both ways.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { translateError, type ErrorText } from "@/lib/http/errors";
import { encodeCursor } from "@/lib/providers/cursor";
import { envelope, send, sessionCookie, type Call } from "@/lib/testing/routes";
import type { AccountPage, ErrorCode } from "@/lib/webhooks/model";
import * as webhooksRoute from "./[provider]/[account]/webhooks/route";
import * as webhookRoute from "./[provider]/[account]/webhooks/[id]/route";
import * as pingRoute from "./[provider]/[account]/webhooks/[id]/ping/route";
import * as pingsRoute from "./[provider]/[account]/webhooks/[id]/pings/route";
import * as accountsRoute from "./[provider]/accounts/route";
import * as eventsRoute from "./[provider]/events/route";
import * as auditRoute from "./audit/route";
import * as auditCsvRoute from "./audit.csv/route";
import {
  ACCOUNTS,
  base,
  cursorParam,
  EVENT,
  MARK,
  providers,
  withWebhooksOnSandbox,
  type P,
} from "./webhooks-harness";

vi.mock("@/lib/env", async (importOriginal) =>
  (await import("@/lib/testing/env-mock")).withTestEnv(importOriginal),
);

const { admin, hookId, makeWebhooks, list, accounts, json, listPage, providerCallsDuring } =
  withWebhooksOnSandbox();

const other = (provider: P): P => (provider === "conekta" ? "razorpay" : "conekta");

let viewer = "";
/** Cursors the console handed out, per provider. */
const cursors = {} as Record<
  P,
  { own: string; second: string; searched: string; accounts: string }
>;

function events(provider: string): Call {
  return {
    handler: eventsRoute.GET,
    method: "GET",
    path: `/api/${provider}/events`,
    params: { provider },
    cookie: admin(),
  };
}

/** A call on one webhook: GET, PATCH and DELETE on it, its pings, or a ping. */
function onHook(
  handler: Call["handler"],
  method: string,
  provider: string,
  id: string,
  suffix = "",
): Call {
  const account = provider === "razorpay" ? ACCOUNTS.razorpay.own : ACCOUNTS.conekta.own;
  return {
    handler,
    method,
    path: `${base(provider, account)}/${id}${suffix}`,
    params: { provider, account, id },
    cookie: admin(),
  };
}

function create(provider: P, body: string): Call {
  const account = ACCOUNTS[provider].own;
  return {
    handler: webhooksRoute.POST,
    method: "POST",
    path: base(provider, account),
    params: { provider, account },
    cookie: admin(),
    body,
  };
}

const edit = (provider: P, body: string): Call => ({
  ...onHook(webhookRoute.PATCH, "PATCH", provider, hookId[provider]),
  body,
});
const ping = (provider: P, body?: string): Call => ({
  ...onHook(pingRoute.POST, "POST", provider, hookId[provider], "/ping"),
  body,
});
const remove = (provider: P): Call =>
  onHook(webhookRoute.DELETE, "DELETE", provider, hookId[provider]);

beforeAll(async () => {
  viewer = await sessionCookie("viewer@sandbox.test");
  for (const provider of providers) await makeWebhooks(provider, ACCOUNTS[provider].second);
  for (const provider of providers) {
    const { own, second } = ACCOUNTS[provider];
    const next = async (call: Call) => (await listPage(call)).page.next ?? "";
    cursors[provider] = {
      own: await next(list(provider, own, "?limit=1")),
      second: await next(list(provider, second, "?limit=1")),
      searched: await next(list(provider, own, `?limit=1&q=${MARK}`)),
      accounts: "",
    };
  }
  cursors.razorpay.accounts = (await json<AccountPage>(accounts("razorpay"))).page.next ?? "";
  for (const provider of providers)
    for (const [name, cursor] of Object.entries(cursors[provider]))
      if (!(provider === "conekta" && name === "accounts")) expect(cursor, name).toMatch(/\./);
}, 60_000);

// --- the table --------------------------------------------------------------------------------

interface Row {
  name: string;
  status: number;
  code: ErrorCode;
  /** The message the envelope must carry (in English: the demo users send no language). */
  text?: ErrorText;
  request: () => Call;
}

const cursorInvalid = { key: "cursorInvalid" } as const;
/** The adapter's cursor inside a sealed one: what the console used to hand out, unsigned. */
const unsigned = (cursor: string) => cursor.slice(0, cursor.lastIndexOf("."));
/** The same cursor with one character of the adapter's part changed. */
const tampered = (cursor: string) => (cursor.startsWith("e") ? "f" : "e") + cursor.slice(1);

const rowsOf = (provider: P): Row[] => {
  const { own } = ACCOUNTS[provider];
  const good = JSON.stringify({ url: "https://example.com/hook", events: [EVENT[provider]] });
  const badCursor = (name: string, cursor: () => string): Row => ({
    name: `list with ${name}`,
    status: 400,
    code: "bad_request",
    text: cursorInvalid,
    request: () => list(provider, own, `?${cursorParam(cursor())}`),
  });
  return [
    // cursors of the webhooks list
    badCursor("a tampered cursor", () => tampered(cursors[provider].own)),
    badCursor("a cursor whose MAC was cut short", () => cursors[provider].own.slice(0, -3)),
    badCursor("an unsigned old-style cursor", () => unsigned(cursors[provider].own)),
    badCursor("a cursor that decodes to {next:''}", () => encodeCursor({ next: "" })),
    badCursor("a cursor that decodes to {o:-1}", () => encodeCursor({ o: -1 })),
    badCursor("a cursor of another account", () => cursors[provider].second),
    badCursor("a cursor of the other provider", () => cursors[other(provider)].own),
    badCursor("a cursor of another search", () => cursors[provider].searched),
    badCursor("a cursor of the accounts list", () => cursors.razorpay.accounts),
    {
      name: "list with the search's cursor and another search",
      status: 400,
      code: "bad_request",
      text: cursorInvalid,
      request: () => list(provider, own, `?${cursorParam(cursors[provider].searched)}&q=${MARK}-1`),
    },
    // cursors of the accounts list
    {
      name: "accounts with a cursor of the webhooks list",
      status: 400,
      code: "bad_request",
      text: cursorInvalid,
      request: () => accounts(provider, `?${cursorParam(cursors[provider].own)}`),
    },
    {
      name: "accounts with an unsigned cursor",
      status: 400,
      code: "bad_request",
      text: cursorInvalid,
      request: () =>
        accounts(
          provider,
          `?${cursorParam(encodeCursor(provider === "conekta" ? { next: own } : { o: 10 }))}`,
        ),
    },
    {
      name: "accounts with the accounts cursor and a search",
      status: 400,
      code: "bad_request",
      text: cursorInvalid,
      request: () => accounts(provider, `?${cursorParam(cursors.razorpay.accounts)}&q=tienda`),
    },
    // query parameters
    ...(
      [
        ["limit=1&limit=2", { key: "queryRepeated", values: { name: "limit" } }],
        ["q=a&q=b", { key: "queryRepeated", values: { name: "q" } }],
        ["cursor=a&cursor=b", { key: "queryRepeated", values: { name: "cursor" } }],
        ["limit=0", { key: "queryTooSmall", values: { name: "limit", min: 1 } }],
        ["limit=101", { key: "queryTooLarge", values: { name: "limit", max: 100 } }],
        ["limit=abc", { key: "queryInvalid", values: { name: "limit" } }],
        [`q=${"x".repeat(201)}`, { key: "queryTooLong", values: { name: "q", max: 200 } }],
        ["from=yesterday", { key: "queryInvalid", values: { name: "from" } }],
      ] as const
    ).map(([query, text]): Row => ({
      name: `list with ?${query.slice(0, 24)}`,
      status: 400,
      code: "bad_request",
      text,
      request: () => list(provider, own, `?${query}`),
    })),
    {
      name: "accounts with ?q=a&q=b",
      status: 400,
      code: "bad_request",
      text: { key: "queryRepeated", values: { name: "q" } },
      request: () => accounts(provider, "?q=a&q=b"),
    },
    {
      name: "accounts with a q of 201 characters",
      status: 400,
      code: "bad_request",
      text: { key: "queryTooLong", values: { name: "q", max: 200 } },
      request: () => accounts(provider, `?q=${"x".repeat(201)}`),
    },
    // path parameters
    {
      name: "an unknown provider's webhooks",
      status: 404,
      code: "not_found",
      text: { key: "noSuchRoute" },
      request: () => list("stripe", own),
    },
    {
      name: "an unknown provider's accounts",
      status: 404,
      code: "not_found",
      text: { key: "noSuchRoute" },
      request: () => accounts("stripe"),
    },
    {
      name: "an unknown provider's events",
      status: 404,
      code: "not_found",
      text: { key: "noSuchRoute" },
      request: () => events("stripe"),
    },
    {
      name: "a malformed account",
      status: 404,
      code: "not_found",
      text: { key: "noSuchRoute" },
      request: () => list(provider, "no such/account!"),
    },
    ...(
      [
        ["GET", webhookRoute.GET, ""],
        ["GET", pingsRoute.GET, "/pings"],
        ["DELETE", webhookRoute.DELETE, ""],
      ] as const
    ).flatMap(([method, handler, suffix]) =>
      ["bad id!", "x".repeat(65)].map((id): Row => ({
        name: `${method} ${suffix || "a webhook"} with the id ${id.slice(0, 8)}`,
        status: 404,
        code: "not_found",
        text: { key: "noSuchRoute" },
        request: () => onHook(handler, method, provider, id, suffix),
      })),
    ),
    {
      name: "an edit of a malformed id",
      status: 404,
      code: "not_found",
      text: { key: "noSuchRoute" },
      request: () => ({ ...onHook(webhookRoute.PATCH, "PATCH", provider, "bad id!"), body: "{}" }),
    },
    {
      name: "a ping of a malformed id",
      status: 404,
      code: "not_found",
      text: { key: "noSuchRoute" },
      request: () => onHook(pingRoute.POST, "POST", provider, "bad id!", "/ping"),
    },
    // bodies
    ...(
      [
        ["a create", () => create(provider, "{not json")],
        ["an edit", () => edit(provider, "{not json")],
        ["a ping", () => ping(provider, "{not json")],
      ] as const
    ).map(([name, request]): Row => ({
      name: `${name} whose body is not JSON`,
      status: 400,
      code: "bad_request",
      text: { key: "bodyNotJson" },
      request,
    })),
    ...(
      [
        ["a create with a URL that is not one", () => create(provider, '{"url":"x","events":[]}')],
        ["a create with an unknown field", () => create(provider, good.replace("{", '{"a":1,'))],
        ["an edit with empty events", () => edit(provider, '{"events":[]}')],
        ["an edit to an ftp URL", () => edit(provider, '{"url":"ftp://example.com/x"}')],
        ["a ping with a number for a secret", () => ping(provider, '{"secret":5}')],
      ] as const
    ).map(([name, request]): Row => ({
      name,
      status: 422,
      code: "invalid_fields",
      text: { key: "fieldsInvalid" },
      request,
    })),
    ...(
      [
        ["a create", () => create(provider, good)],
        ["an edit", () => edit(provider, '{"events":[]}')],
        ["a ping", () => ping(provider, "{}")],
      ] as const
    ).flatMap(([name, request]): Row[] => [
      {
        name: `${name} sent as text/plain`,
        status: 415,
        code: "unsupported_media_type",
        text: { key: "jsonRequired" },
        request: () => ({ ...request(), headers: { "content-type": "text/plain" } }),
      },
      {
        name: `${name} sent as a form`,
        status: 415,
        code: "unsupported_media_type",
        text: { key: "jsonRequired" },
        request: () => ({
          ...request(),
          headers: { "content-type": "application/x-www-form-urlencoded" },
        }),
      },
    ]),
    // who may call
    ...(
      [
        ["a create", () => create(provider, good)],
        ["an edit", () => edit(provider, '{"events":[]}')],
        ["a delete", () => remove(provider)],
        ["a ping", () => ping(provider)],
      ] as const
    ).flatMap(([name, request]): Row[] => [
      {
        name: `${name} from another site`,
        status: 403,
        code: "forbidden",
        text: { key: "crossSiteRefused" },
        request: () => ({ ...request(), headers: { origin: "https://evil.example" } }),
      },
      {
        name: `${name} without an Origin, marked cross-site`,
        status: 403,
        code: "forbidden",
        text: { key: "crossSiteRefused" },
        request: () => ({ ...request(), headers: { origin: "", "sec-fetch-site": "cross-site" } }),
      },
      {
        name: `${name} by a viewer`,
        status: 403,
        code: "forbidden",
        text: { key: "actionForbidden", values: { role: "viewer" } },
        request: () => ({ ...request(), cookie: viewer }),
      },
      {
        name: `${name} without a session`,
        status: 401,
        code: "unauthorized",
        text: { key: "signInRequired" },
        request: () => ({ ...request(), cookie: undefined }),
      },
    ]),
    ...(
      [
        ["the list", () => list(provider, own)],
        ["the accounts", () => accounts(provider)],
        ["the events", () => events(provider)],
        ["a webhook", () => onHook(webhookRoute.GET, "GET", provider, hookId[provider])],
        ["its pings", () => onHook(pingsRoute.GET, "GET", provider, hookId[provider], "/pings")],
      ] as const
    ).map(([name, request]): Row => ({
      name: `${name} without a session`,
      status: 401,
      code: "unauthorized",
      text: { key: "signInRequired" },
      request: () => ({ ...request(), cookie: undefined }),
    })),
  ];
};

/** The audit log asks no provider anything; its refusals are in the table all the same. */
const auditRows: Row[] = [
  ...[auditRoute.GET, auditCsvRoute.GET].flatMap((handler): Row[] => [
    {
      name: `${handler === auditRoute.GET ? "audit" : "audit.csv"} with ?action=a&action=b`,
      status: 400,
      code: "bad_request",
      text: { key: "queryRepeated", values: { name: "action" } },
      request: () => ({ handler, method: "GET", path: "/api/audit?action=a&action=b" }),
    },
    {
      name: `${handler === auditRoute.GET ? "audit" : "audit.csv"} as a viewer`,
      status: 403,
      code: "forbidden",
      text: { key: "actionForbidden", values: { role: "viewer" } },
      request: () => ({ handler, method: "GET", path: "/api/audit", cookie: viewer }),
    },
  ]),
  {
    name: "audit with a forged cursor",
    status: 400,
    code: "bad_request",
    text: { key: "queryInvalid", values: { name: "cursor" } },
    request: () => ({ handler: auditRoute.GET, method: "GET", path: "/api/audit?cursor=%7B%7D" }),
  },
];

const table = [
  ...providers.flatMap((provider) =>
    rowsOf(provider).map((row) => ({ ...row, title: `${provider}: ${row.name}` })),
  ),
  ...auditRows.map((row) => ({ ...row, title: row.name })),
];

describe("a refused request never reaches the provider", () => {
  it.each(table)("$title → $status $code", async ({ request, status, code, text }) => {
    const call = request();
    const { result: response, calls } = await providerCallsDuring(() =>
      send({ cookie: admin(), ...call }),
    );
    const body = await response.clone().text();
    expect(response.status, body).toBe(status);
    const error = await envelope(response);
    expect(error.code).toBe(code);
    if (text) expect(error.message).toBe(translateError(text, "en"));
    expect(error.provider).toBeUndefined();
    expect(calls, "provider API requests").toEqual([]);
  });

  it("covers every API route with a refusal, for both providers", () => {
    const handlers = new Set(table.map((row) => row.request().handler));
    for (const handler of [
      webhooksRoute.GET,
      webhooksRoute.POST,
      webhookRoute.GET,
      webhookRoute.PATCH,
      webhookRoute.DELETE,
      pingRoute.POST,
      pingsRoute.GET,
      accountsRoute.GET,
      eventsRoute.GET,
      auditRoute.GET,
      auditCsvRoute.GET,
    ])
      expect(handlers.has(handler)).toBe(true);
  });
});
