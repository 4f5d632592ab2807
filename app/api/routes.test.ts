// The console API's own error replies (DESIGN.md "Status codes", issue 8 part 3): every status the
// API can answer with, for both providers, from the route handlers called as Next calls them,
// against the bundled sandbox. Each row checks the status, the envelope's code and request id, and
// that no provider key is anywhere in the body. The 422 rows also prove that nothing was sent to
// the provider: the console's own validation refused them, not the provider's.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { withTestDatabase } from "@/lib/db/testing";
import { setTestEnv } from "@/lib/testing/env-mock";
import { getProvider } from "@/lib/providers/registry";
import { CONEKTA_SEED } from "@/lib/sandbox/conekta/seed";
import type { FaultInput } from "@/lib/sandbox/faults";
import {
  envelope,
  sandboxControl,
  send,
  sessionCookie,
  consoleOnSandbox,
  type Call,
} from "@/lib/testing/routes";
import { SANDBOX_TEST_KEYS } from "@/lib/testing/sandbox";
import type { ErrorCode } from "@/lib/webhooks/model";
import { base, listCall } from "./webhooks-harness";
import * as webhooksRoute from "./[provider]/[account]/webhooks/route";
import * as webhookRoute from "./[provider]/[account]/webhooks/[id]/route";

vi.mock("@/lib/env", async (importOriginal) =>
  (await import("@/lib/testing/env-mock")).withTestEnv(importOriginal),
);

/** Keys no reply may carry; distinctive, so that finding one in a body means a leak. */
const KEYS = {
  conektaApiKey: "key_RoutesTestConekta0001",
  razorpayKeyId: "rzp_test_RoutesTestId0001",
  razorpayKeySecret: "routes_test_secret_never_shown",
};
const LEAKS = [
  ...Object.values(KEYS),
  Buffer.from(`${KEYS.razorpayKeyId}:${KEYS.razorpayKeySecret}`).toString("base64"),
  Buffer.from(`${KEYS.conektaApiKey}:`).toString("base64"),
  SANDBOX_TEST_KEYS.conektaApiKey,
  SANDBOX_TEST_KEYS.razorpayKeyId,
];
/** A provider timeout short enough for a latency fault to pass it quickly. */
const TIMEOUT_MS = 400;

// The database first: the sandbox's set-up seeds the demo users into it.
withTestDatabase("pglite");
const sandbox = consoleOnSandbox(setTestEnv, {
  keys: KEYS,
  env: { PROVIDER_TIMEOUT_MS: String(TIMEOUT_MS) },
});
const control = sandboxControl(() => sandbox().url);

const providers = ["conekta", "razorpay"] as const;
type P = (typeof providers)[number];

/** `own` is granted to the demo merchant and viewer, `other` is not, `full` is at its limit. */
const ACCOUNTS = {
  conekta: {
    own: "6595f5005eed000000000004",
    other: "6594a3805eed000000000003",
    full: CONEKTA_SEED.fullChildId,
  },
  razorpay: { own: "acc_Ha6Vb2QzPQ9x1K", other: "acc_JkL3mN4pQ5rS6t", full: "acc_Zx8Yw7Vu6Ts5Rq" },
} as const;
const EVENT: Record<P, string> = { conekta: "order.paid", razorpay: "payment.captured" };
const UNKNOWN_ID: Record<P, string> = {
  conekta: "0000000000000000000000ff",
  razorpay: "HookDoesNotExist",
};

const cookies = { admin: "", merchant: "", viewer: "" };
/** One webhook per provider on its `own` account, for the rows that need one. */
const fixtures = {} as Record<P, string>;
let serial = 0;
const receiverUrl = () => `${sandbox().url}/receivers/ok/routes-${++serial}`;

beforeAll(async () => {
  for (const role of ["admin", "merchant", "viewer"] as const)
    cookies[role] = await sessionCookie(`${role}@sandbox.test`);
  for (const provider of providers) {
    const scope = { account: ACCOUNTS[provider].own, language: "en" as const };
    fixtures[provider] = (
      await getProvider(provider).createWebhook(scope, {
        url: receiverUrl(),
        events: [EVENT[provider]],
      })
    ).id;
  }
  // Razorpay's sandbox seeds no full account: fill one up to its limit of 30.
  const full = { account: ACCOUNTS.razorpay.full, language: "en" as const };
  const adapter = getProvider("razorpay");
  for (let n = await adapter.countWebhooks(full); n < adapter.webhookLimit; n++)
    await adapter.createWebhook(full, { url: receiverUrl(), events: [EVENT.razorpay] });
}, 60_000);

// --- requests ---------------------------------------------------------------------------------

const list = (provider: string, account: string, query = "") =>
  listCall(provider, account, query, cookies.admin);

function create(provider: P, account: string, body: unknown): Call {
  return {
    handler: webhooksRoute.POST,
    method: "POST",
    path: base(provider, account),
    params: { provider, account },
    cookie: cookies.admin,
    body: typeof body === "string" ? body : JSON.stringify(body),
  };
}

function edit(provider: P, body: unknown): Call {
  const account = ACCOUNTS[provider].own;
  const id = fixtures[provider];
  return {
    handler: webhookRoute.PATCH,
    method: "PATCH",
    path: `${base(provider, account)}/${id}`,
    params: { provider, account, id },
    cookie: cookies.admin,
    body: JSON.stringify(body),
  };
}

function getOne(provider: P, id: string): Call {
  const account = ACCOUNTS[provider].own;
  return {
    handler: webhookRoute.GET,
    method: "GET",
    path: `${base(provider, account)}/${id}`,
    params: { provider, account, id },
    cookie: cookies.admin,
  };
}

// --- the table --------------------------------------------------------------------------------

interface Row {
  name: string;
  status: number;
  code: ErrorCode;
  request: () => Call;
  /** Switched on for this row only, on the row's provider and account. */
  fault?: Omit<FaultInput, "provider" | "account">;
  /** The refusal is the console's own: the sandbox must get no request at all. */
  local?: boolean;
}

const rowsOf = (provider: P): Row[] => {
  const own = ACCOUNTS[provider].own;
  const good = () => ({ url: receiverUrl(), events: [EVENT[provider]] });
  return [
    // 400
    {
      name: "limit=0",
      status: 400,
      code: "bad_request",
      request: () => list(provider, own, "?limit=0"),
      local: true,
    },
    {
      name: "limit=abc",
      status: 400,
      code: "bad_request",
      request: () => list(provider, own, "?limit=abc"),
      local: true,
    },
    {
      name: "a tampered cursor",
      status: 400,
      code: "bad_request",
      // Not `local`: the adapter reads the cursor, and the count against the limit is asked meanwhile.
      request: () => list(provider, own, "?cursor=eyJ0YW1wZXJlZCI6dHJ1ZX0"),
    },
    {
      name: "a body that is not JSON",
      status: 400,
      code: "bad_request",
      request: () => create(provider, own, "{not json"),
      local: true,
    },
    // 401
    {
      name: "no session cookie",
      status: 401,
      code: "unauthorized",
      request: () => ({ ...list(provider, own), cookie: undefined }),
      local: true,
    },
    // 403
    {
      name: "a viewer creates",
      status: 403,
      code: "forbidden",
      request: () => ({ ...create(provider, own, good()), cookie: cookies.viewer }),
      local: true,
    },
    {
      name: "a viewer edits",
      status: 403,
      code: "forbidden",
      request: () => ({ ...edit(provider, { events: [EVENT[provider]] }), cookie: cookies.viewer }),
      local: true,
    },
    {
      name: "a merchant opens an account not granted",
      status: 403,
      code: "forbidden",
      request: () => ({ ...list(provider, ACCOUNTS[provider].other), cookie: cookies.merchant }),
      local: true,
    },
    {
      name: "a cross-origin create",
      status: 403,
      code: "forbidden",
      request: () => ({
        ...create(provider, own, good()),
        headers: { origin: "https://evil.example" },
      }),
      local: true,
    },
    // 404
    {
      name: "an unknown provider",
      status: 404,
      code: "not_found",
      request: () => list("stripe", own),
      local: true,
    },
    {
      name: "a malformed account",
      status: 404,
      code: "not_found",
      request: () => list(provider, "no such/account!"),
      local: true,
    },
    {
      name: "an unknown webhook id",
      status: 404,
      code: "not_found",
      request: () => getOne(provider, UNKNOWN_ID[provider]),
    },
    // 409
    {
      name: "a create on an account at its webhook limit",
      status: 409,
      code: "conflict",
      request: () => create(provider, ACCOUNTS[provider].full, good()),
    },
    // 415
    {
      name: "a text/plain body",
      status: 415,
      code: "unsupported_media_type",
      request: () => ({
        ...create(provider, own, good()),
        headers: { "content-type": "text/plain" },
      }),
      local: true,
    },
    // 422: refused by the console's own validation, before any provider call
    {
      name: "an invalid URL",
      status: 422,
      code: "invalid_fields",
      request: () => create(provider, own, { url: "not a url", events: [EVENT[provider]] }),
      local: true,
    },
    {
      name: "empty events",
      status: 422,
      code: "invalid_fields",
      request: () => create(provider, own, { url: receiverUrl(), events: [] }),
      local: true,
    },
    {
      name: "an unknown field",
      status: 422,
      code: "invalid_fields",
      request: () => create(provider, own, { ...good(), colour: "red" }),
      local: true,
    },
    {
      name: "an edit with an invalid URL",
      status: 422,
      code: "invalid_fields",
      request: () => edit(provider, { url: "ftp://example.com/x" }),
      local: true,
    },
    {
      name: "an edit with empty events",
      status: 422,
      code: "invalid_fields",
      request: () => edit(provider, { events: [] }),
      local: true,
    },
    ...(provider === "razorpay"
      ? ([
          {
            name: "a link-local URL (169.254/16)",
            status: 422,
            code: "invalid_fields",
            request: () =>
              create(provider, own, { url: "https://169.254.10.10/x", events: [EVENT[provider]] }),
            local: true,
          },
          {
            name: "a private URL (172.16/12)",
            status: 422,
            code: "invalid_fields",
            request: () =>
              create(provider, own, { url: "https://172.20.0.1/x", events: [EVENT[provider]] }),
            local: true,
          },
          {
            name: "an edit to a private URL (172.16/12)",
            status: 422,
            code: "invalid_fields",
            request: () => edit(provider, { url: "https://172.31.255.1/x" }),
            local: true,
          },
        ] satisfies Row[])
      : []),
    // 429
    {
      name: "the provider throttles",
      status: 429,
      code: "rate_limited",
      request: () => list(provider, own),
      fault: { kind: "rate-limit", retryAfter: 7 },
    },
    // 502
    {
      name: "the provider answers 500",
      status: 502,
      code: "provider_error",
      request: () => list(provider, own),
      fault: { kind: "status", status: 500 },
    },
    {
      name: "the provider answers malformed JSON",
      status: 502,
      code: "provider_error",
      request: () => list(provider, own),
      fault: { kind: "malformed" },
    },
    {
      name: "the provider resets the connection",
      status: 502,
      code: "provider_error",
      request: () => list(provider, own),
      fault: { kind: "reset" },
    },
    // 504
    {
      name: "the provider answers after the timeout",
      status: 504,
      code: "provider_timeout",
      request: () => list(provider, own),
      fault: { kind: "latency", latencyMs: TIMEOUT_MS * 4 },
    },
  ];
};

const table = providers.flatMap((provider) =>
  rowsOf(provider).map((row) => ({
    ...row,
    provider,
    title: `${provider}: ${row.name} → ${row.status} ${row.code}`,
  })),
);

/** How many requests the sandbox got for this provider while `run` ran. */
async function countingRequests<T>(provider: P, run: () => Promise<T>) {
  const counter = await control.addFault({ provider, kind: "latency", latencyMs: 0 });
  try {
    const result = await run();
    const hits = (await control.listFaults()).find((f) => f.id === counter)?.hits ?? -1;
    return { result, hits };
  } finally {
    await control.removeFault(counter);
  }
}

async function webhookCount(provider: P, account: string) {
  return getProvider(provider).countWebhooks({ account, language: "en" });
}

describe("the console API's error replies, per status and provider", () => {
  it("covers every status of DESIGN.md for both providers", () => {
    for (const provider of providers) {
      const statuses = new Set(table.filter((r) => r.provider === provider).map((r) => r.status));
      expect([...statuses].sort()).toEqual([400, 401, 403, 404, 409, 415, 422, 429, 502, 504]);
    }
  });

  it.each(table)("$title", async ({ provider, status, code, request, fault, local }) => {
    const account = ACCOUNTS[provider].own;
    const faultId = fault && (await control.addFault({ ...fault, provider, account }));
    const before = local ? await webhookCount(provider, account) : 0;
    try {
      const { result: response, hits } = await countingRequests(provider, () => send(request()));
      const body = await response.clone().text();
      expect(response.status, body).toBe(status);
      const error = await envelope(response);
      expect(error.code).toBe(code);
      expect(error.requestId).toMatch(/\S/);
      expect(error.message).toMatch(/\S/);
      for (const key of LEAKS) expect(body).not.toContain(key);
      if (status === 422) expect(Object.keys(error.fields ?? {}).length).toBeGreaterThan(0);
      if (status === 429) expect(Number(response.headers.get("retry-after"))).toBe(7);
      if (status === 502 || status === 504) expect(body).not.toMatch(/\bat \S+:\d+:\d+/); // no stack
      if (local) {
        expect(hits, "requests that reached the sandbox").toBe(0);
        expect(error.provider).toBeUndefined();
        expect(await webhookCount(provider, account)).toBe(before);
      }
    } finally {
      if (faultId) await control.removeFault(faultId);
    }
  });
});
