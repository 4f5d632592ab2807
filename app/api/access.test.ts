// Who may do what, proved at the console API (DESIGN.md "Who may do what", issue 7 sections 3 and
// 4): every route handler called as Next calls it, against the bundled sandbox, with the four demo
// users. Each refused call answers in the envelope and never reaches the provider: a latency fault
// with no delay on every account counts each request the sandbox gets (its "record").
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/auth/roles";
import { seedSandboxUsers } from "@/lib/auth/seed-sandbox";
import { createUser } from "@/lib/auth/users";
import { session as sessionTable, user as userTable } from "@/lib/db/schema";
import { withTestDatabase } from "@/lib/db/testing";
import { parseEnv } from "@/lib/env";
import { setTestEnv } from "@/lib/testing/env-mock";
import { getProvider } from "@/lib/providers/registry";
import { SANDBOX_PASSWORD, SANDBOX_RAZORPAY_ACCOUNTS } from "@/lib/sandbox/defaults";
import type { Fault } from "@/lib/sandbox/faults";
import { startSandbox, type Sandbox } from "@/lib/sandbox/server";
import { envelope, send, sessionCookie, type Call } from "@/lib/testing/routes";
import { SANDBOX_TEST_KEYS } from "@/lib/testing/sandbox";
import { accountPageSchema, type ProviderId } from "@/lib/webhooks/model";
import * as accountsRoute from "./[provider]/accounts/route";
import * as eventsRoute from "./[provider]/events/route";
import * as webhooksRoute from "./[provider]/[account]/webhooks/route";
import * as webhookRoute from "./[provider]/[account]/webhooks/[id]/route";
import * as pingRoute from "./[provider]/[account]/webhooks/[id]/ping/route";
import * as meRoute from "./me/route";
import * as passwordRoute from "./auth/password/route";
import * as signInRoute from "./auth/sign-in/route";
import * as signOutRoute from "./auth/sign-out/route";

// The console's configuration, pointed at this file's sandbox once it listens (see beforeAll).
vi.mock("@/lib/env", async (importOriginal) =>
  (await import("@/lib/testing/env-mock")).withTestEnv(importOriginal),
);

let running: Sandbox | undefined;
const sandbox = (): Sandbox => {
  if (!running) throw new Error("the sandbox starts in beforeAll");
  return running;
};
const db = withTestDatabase("pglite");

const roles = ["admin", "support", "merchant", "viewer"] as const satisfies readonly Role[];
const providers = ["conekta", "razorpay"] as const satisfies readonly ProviderId[];
type TestProvider = (typeof providers)[number];
type Which = "own" | "other";

/** `own` is granted to the merchant and the viewer; `other` is not (and is below its limit). */
const ACCOUNTS: Record<(typeof providers)[number], Record<Which, string>> = {
  conekta: { own: "6595f5005eed000000000004", other: "6594a3805eed000000000003" },
  razorpay: { own: "acc_Ha6Vb2QzPQ9x1K", other: "acc_JkL3mN4pQ5rS6t" },
};
const EVENTS: Record<(typeof providers)[number], [string, string]> = {
  conekta: ["order.paid", "charge.paid"],
  razorpay: ["payment.captured", "payment.failed"],
};
const PASSWORD = "correct-horse-battery";

const cookies = {} as Record<Role, string>;

beforeAll(async () => {
  running = await startSandbox({ allowLoopback: true, keys: SANDBOX_TEST_KEYS });
  const port = new URL(sandbox().url).port;
  setTestEnv(
    parseEnv({
      NODE_ENV: "test",
      SANDBOX: "on",
      SANDBOX_PORT: port,
      CONEKTA_API_KEY: SANDBOX_TEST_KEYS.conektaApiKey,
      RAZORPAY_KEY_ID: SANDBOX_TEST_KEYS.razorpayKeyId,
      RAZORPAY_KEY_SECRET: SANDBOX_TEST_KEYS.razorpayKeySecret,
    }),
  );
  await seedSandboxUsers();
  for (const role of roles) cookies[role] = await sessionCookie(`${role}@sandbox.test`);
  // The sandbox's record: one counting fault per account in use, then one per provider for any
  // other request (a fault counts the first request that matches it).
  for (const provider of providers) {
    for (const account of Object.values(ACCOUNTS[provider]))
      await addCounter({ provider, account, kind: "latency", latencyMs: 0 });
    await addCounter({ provider, kind: "latency", latencyMs: 0 });
  }
}, 30_000);
afterAll(async () => {
  await running?.close();
});

// --- the sandbox's record --------------------------------------------------------------------

type CounterInput = Pick<Fault, "provider" | "kind" | "latencyMs"> & { account?: string };

async function addCounter(fault: CounterInput) {
  const response = await fetch(`${sandbox().url}/__control/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(fault),
  });
  expect(response.status).toBe(201);
}

/** How many requests the sandbox got: per provider and account, and in all. */
async function sandboxHits() {
  const response = await fetch(`${sandbox().url}/__control/faults`);
  const { data } = (await response.json()) as { data: Fault[] };
  const of = (provider: TestProvider, account: string) =>
    data.find((f) => f.provider === provider && f.account === account)?.hits ?? 0;
  return { of, total: data.reduce((sum, f) => sum + f.hits, 0) };
}

/** Runs `call` and says how many requests reached the sandbox meanwhile. */
async function counted<T>(provider: TestProvider, account: string, call: () => Promise<T>) {
  const before = await sandboxHits();
  const result = await call();
  const after = await sandboxHits();
  return {
    result,
    onAccount: after.of(provider, account) - before.of(provider, account),
    total: after.total - before.total,
  };
}

// --- fixtures, made and removed through the adapter (never counted in a cell) -----------------

let serial = 0;
const receiverUrl = (what: string) => `${sandbox().url}/receivers/ok/matrix-${what}-${++serial}`;

async function createFixture(provider: TestProvider, account: string): Promise<string> {
  const created = await getProvider(provider).createWebhook(
    { account, language: "en" },
    { url: receiverUrl("fixture"), events: [EVENTS[provider][0]] },
  );
  return created.id;
}

async function removeFixture(provider: TestProvider, account: string, id: string) {
  await getProvider(provider)
    .deleteWebhook({ account, language: "en" }, id)
    .catch(() => undefined); // already deleted by the cell
}

/** The webhooks' URLs at the sandbox itself, asked without the console. */
async function urlsAtSandbox(provider: TestProvider, account: string): Promise<string[]> {
  const page = await getProvider(provider).listWebhooks({ account, language: "en", limit: 100 });
  return page.data.map((w) => w.url);
}

// --- calling the route handlers ---------------------------------------------------------------

const scoped = (provider: TestProvider, account: string) => `/api/${provider}/${account}/webhooks`;

type Action = "list" | "get" | "create" | "update" | "delete" | "ping";
const actions = ["list", "get", "create", "update", "delete", "ping"] as const;
const reads: readonly Action[] = ["list", "get"];
const successOf: Record<Action, number> = {
  list: 200,
  get: 200,
  create: 201,
  update: 200,
  delete: 204,
  ping: 200,
};

/** The request of an action on one account; `id` is an existing webhook there. */
function requestOf(action: Action, provider: TestProvider, account: string, id: string) {
  const base = scoped(provider, account);
  const params = { provider, account, id };
  switch (action) {
    case "list":
      return { handler: webhooksRoute.GET, method: "GET", path: base, params };
    case "create":
      return {
        handler: webhooksRoute.POST,
        method: "POST",
        path: base,
        params,
        body: JSON.stringify({ url: receiverUrl("create"), events: [EVENTS[provider][0]] }),
      };
    case "get":
      return { handler: webhookRoute.GET, method: "GET", path: `${base}/${id}`, params };
    case "update":
      return {
        handler: webhookRoute.PATCH,
        method: "PATCH",
        path: `${base}/${id}`,
        params,
        body: JSON.stringify({ events: EVENTS[provider] }),
      };
    case "delete":
      return { handler: webhookRoute.DELETE, method: "DELETE", path: `${base}/${id}`, params };
    case "ping":
      return { handler: pingRoute.POST, method: "POST", path: `${base}/${id}/ping`, params };
  }
}

// --- 1. the matrix ---------------------------------------------------------------------------

function allowed(role: Role, action: Action, which: Which): boolean {
  if (role === "admin" || role === "support") return true;
  if (which === "other") return false;
  return role === "merchant" || reads.includes(action);
}

const cells = roles.flatMap((role) =>
  actions.flatMap((action) =>
    (["own", "other"] as const).flatMap((which) =>
      providers.map((provider) => {
        const may = allowed(role, action, which);
        const status = may ? successOf[action] : 403;
        return {
          name: `${role} ${may ? "may" : "may not"} ${action} on ${which} ${provider} account → ${status}`,
          role,
          action,
          which,
          provider,
          status,
        };
      }),
    ),
  ),
);

describe("the access matrix: role × action × own/other account × provider", () => {
  it("has every cell", () => {
    expect(cells).toHaveLength(4 * 6 * 2 * 2);
  });

  it.each(cells)("$name", async ({ role, action, which, provider, status }) => {
    const account = ACCOUNTS[provider][which];
    const fixture = await createFixture(provider, account);
    try {
      const {
        result: response,
        onAccount,
        total,
      } = await counted(provider, account, () =>
        send({ ...requestOf(action, provider, account, fixture), cookie: cookies[role] }),
      );
      if (status === 403) {
        expect(response.status).toBe(403);
        expect((await envelope(response)).code).toBe("forbidden");
        expect(onAccount).toBe(0);
        expect(total).toBe(0);
        return;
      }
      expect(response.status, await response.clone().text()).toBe(status);
      expect(onAccount).toBeGreaterThan(0);
      if (action === "create") {
        const created = (await response.json()) as { id: string };
        await removeFixture(provider, account, created.id);
      }
    } finally {
      await removeFixture(provider, account, fixture);
    }
  });

  const accountCells = roles.flatMap((role) =>
    providers.map((provider) => ({
      name: `${role} lists ${provider} accounts → ${role === "merchant" || role === "viewer" ? "only the granted one" : "the provider's list"}`,
      role,
      provider,
    })),
  );

  it.each(accountCells)("$name", async ({ role, provider }) => {
    const { result: response, total } = await counted(provider, "", () =>
      send({
        handler: accountsRoute.GET,
        method: "GET",
        path: `/api/${provider}/accounts`,
        params: { provider },
        cookie: cookies[role],
      }),
    );
    expect(response.status).toBe(200);
    const { data } = accountPageSchema.parse(await response.json());
    const ids = data.map((a) => a.id);
    if (role === "merchant" || role === "viewer") {
      expect(ids).toEqual([ACCOUNTS[provider].own]);
      // A granted list is the console's own; the provider is not asked for anyone else's.
      expect(total).toBe(0);
    } else {
      const atProvider = await getProvider(provider).listAccounts({ language: "en" });
      expect(ids).toEqual(atProvider.data.map((a) => a.id));
      if (provider === "razorpay") expect(ids).toEqual(SANDBOX_RAZORPAY_ACCOUNTS.map((a) => a.id));
      else expect(ids).toContain("default");
    }
  });
});

// --- 2. sessions -----------------------------------------------------------------------------

/** Every API route but sign-in, each called as a browser page would (same origin, JSON). */
const everyRoute: Record<string, (provider: TestProvider, account: string, id: string) => Call> = {
  "GET /api/{provider}/accounts": (provider) => requestOfAccounts(provider),
  "GET /api/{provider}/events": (provider) => ({
    handler: eventsRoute.GET,
    method: "GET",
    path: `/api/${provider}/events`,
    params: { provider },
  }),
  "GET …/webhooks": (...at) => requestOf("list", ...at),
  "POST …/webhooks": (...at) => requestOf("create", ...at),
  "GET …/webhooks/{id}": (...at) => requestOf("get", ...at),
  "PATCH …/webhooks/{id}": (...at) => requestOf("update", ...at),
  "DELETE …/webhooks/{id}": (...at) => requestOf("delete", ...at),
  "POST …/webhooks/{id}/ping": (...at) => requestOf("ping", ...at),
  "GET /api/me": () => ({ handler: meRoute.GET, method: "GET", path: "/api/me" }),
  "POST /api/auth/sign-out": () => ({
    handler: signOutRoute.POST,
    method: "POST",
    path: "/api/auth/sign-out",
  }),
  "POST /api/auth/password": () => ({
    handler: passwordRoute.POST,
    method: "POST",
    path: "/api/auth/password",
    body: JSON.stringify({ currentPassword: SANDBOX_PASSWORD, newPassword: "a-new-password-1" }),
  }),
};

function requestOfAccounts(provider: ProviderId) {
  return {
    handler: accountsRoute.GET,
    method: "GET",
    path: `/api/${provider}/accounts`,
    params: { provider },
  };
}

function tamper(cookie: string): string {
  const tail = cookie.endsWith("AAAA") ? "BBBB" : "AAAA";
  return cookie.slice(0, -4) + tail;
}

describe("a session is needed", () => {
  const provider = "razorpay";
  const account = ACCOUNTS.razorpay.own;

  const routes = Object.keys(everyRoute);

  it.each(routes)("%s without a session → 401, nothing sent", async (name) => {
    const fixture = await createFixture(provider, account);
    try {
      const call = everyRoute[name]?.(provider, account, fixture);
      if (!call) throw new Error(name);
      const { result: response, total } = await counted(provider, account, () => send(call));
      expect(response.status).toBe(401);
      expect((await envelope(response)).code).toBe("unauthorized");
      expect(total).toBe(0);
    } finally {
      await removeFixture(provider, account, fixture);
    }
  });

  it.each(routes)("%s with a tampered session cookie → 401, nothing sent", async (name) => {
    const fixture = await createFixture(provider, account);
    try {
      const call = everyRoute[name]?.(provider, account, fixture);
      if (!call) throw new Error(name);
      const cookie = tamper(cookies.admin);
      const { result: response, total } = await counted(provider, account, () =>
        send({ ...call, cookie }),
      );
      expect(response.status).toBe(401);
      expect((await envelope(response)).code).toBe("unauthorized");
      expect(total).toBe(0);
    } finally {
      await removeFixture(provider, account, fixture);
    }
  });

  it("a disabled user's live session stops working at once", async () => {
    const email = "disabled-at-once@example.test";
    const { id } = await createUser({
      email,
      name: "Soon Disabled",
      role: "merchant",
      password: PASSWORD,
      grants: [{ provider, account, accountName: "Tienda Aurora" }],
    });
    const cookie = await sessionCookie(email, PASSWORD);
    const me = { handler: meRoute.GET, method: "GET", path: "/api/me", cookie };
    const list = { ...requestOf("list", provider, account, ""), cookie };
    expect((await send(me)).status).toBe(200);
    expect((await send(list)).status).toBe(200);

    // Only the flag: the session row stays, and must not be enough.
    await db().update(userTable).set({ disabled: true }).where(eq(userTable.id, id));
    expect(await db().select().from(sessionTable).where(eq(sessionTable.userId, id))).toHaveLength(
      1,
    );
    const { result: refused, total } = await counted(provider, account, () => send(list));
    expect(refused.status).toBe(401);
    expect((await envelope(refused)).code).toBe("unauthorized");
    expect(total).toBe(0);
    expect((await send(me)).status).toBe(401);
  });

  it("a signed-out session is refused", async () => {
    const cookie = await sessionCookie("support@sandbox.test");
    const out = await send({
      handler: signOutRoute.POST,
      method: "POST",
      path: "/api/auth/sign-out",
      cookie,
    });
    expect(out.status).toBe(204);
    const me = await send({ handler: meRoute.GET, method: "GET", path: "/api/me", cookie });
    expect(me.status).toBe(401);
  });
});

// --- 3. cross-site requests ------------------------------------------------------------------

interface Variant {
  name: string;
  headers: Record<string, string>;
  /** Sent instead of the action's JSON body (with the headers' content type). */
  body?: string;
  status: 403 | 415 | "passes";
}

const variants: Variant[] = [
  { name: "Origin https://evil.example", headers: { origin: "https://evil.example" }, status: 403 },
  {
    name: "a sibling origin (another port)",
    headers: { origin: "http://console.test:8080" },
    status: 403,
  },
  { name: "Origin null (a sandboxed frame)", headers: { origin: "null" }, status: 403 },
  {
    name: "no Origin, Sec-Fetch-Site cross-site",
    headers: { origin: "", "sec-fetch-site": "cross-site" },
    status: 403,
  },
  {
    name: "no Origin, Sec-Fetch-Site same-site",
    headers: { origin: "", "sec-fetch-site": "same-site" },
    status: 403,
  },
  { name: "no Origin, no Sec-Fetch-Site", headers: { origin: "" }, status: 403 },
  {
    name: "text/plain with a JSON-looking body, from the right origin",
    headers: { "content-type": "text/plain" },
    body: "{}",
    status: 415,
  },
  {
    name: "text/plain with a Content-Length, from the right origin",
    headers: { "content-type": "text/plain;charset=UTF-8", "content-length": "2" },
    body: "{}",
    status: 415,
  },
  {
    name: "application/x-www-form-urlencoded",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "url=https%3A%2F%2Fevil.example%2Fhook",
    status: 415,
  },
  {
    name: "multipart/form-data",
    headers: { "content-type": "multipart/form-data; boundary=x" },
    body: '--x\r\nContent-Disposition: form-data; name="url"\r\n\r\nhttps://evil.example\r\n--x--',
    status: 415,
  },
  {
    name: "no Origin but Sec-Fetch-Site same-origin, JSON",
    headers: { origin: "", "sec-fetch-site": "same-origin" },
    status: "passes",
  },
  { name: "the right origin and application/json", headers: {}, status: "passes" },
];

const changes = ["create", "update", "delete", "ping"] as const;
const crossSiteRows = providers.flatMap((provider) =>
  changes.flatMap((action) =>
    variants.map((variant) => ({
      name: `${action} on ${provider}, ${variant.name} → ${variant.status}`,
      provider,
      action,
      variant,
    })),
  ),
);

describe("a change must come from the console's own origin with a JSON body", () => {
  it.each(crossSiteRows)("$name", async ({ provider, action, variant }) => {
    const account = ACCOUNTS[provider].own;
    const fixture = await createFixture(provider, account);
    try {
      const call = requestOf(action, provider, account, fixture);
      const {
        result: response,
        onAccount,
        total,
      } = await counted(provider, account, () =>
        send({
          ...call,
          cookie: cookies.admin,
          headers: variant.headers,
          body: variant.body ?? ("body" in call ? call.body : undefined),
        }),
      );
      if (variant.status === "passes") {
        expect(response.status, await response.clone().text()).toBe(successOf[action]);
        expect(onAccount).toBeGreaterThan(0);
        if (action === "create")
          await removeFixture(provider, account, ((await response.json()) as { id: string }).id);
        return;
      }
      expect(response.status).toBe(variant.status);
      expect((await envelope(response)).code).toBe(
        variant.status === 403 ? "forbidden" : "unsupported_media_type",
      );
      expect(total).toBe(0);
    } finally {
      await removeFixture(provider, account, fixture);
    }
  });

  it("the attack of issue 7: a cross-site text/plain POST with a live session creates nothing", async () => {
    const account = ACCOUNTS.razorpay.own;
    const url = receiverUrl("attack");
    const body = JSON.stringify({ url, events: ["payment.captured"] });
    const attacks: [Record<string, string>, number][] = [
      [{ "content-type": "text/plain", origin: "https://evil.example" }, 403],
      [{ "content-type": "text/plain" }, 415], // even from the right origin
    ];
    for (const [headers, status] of attacks) {
      for (const role of ["admin", "merchant"] as const) {
        const { result: response, total } = await counted("razorpay", account, () =>
          send({
            handler: webhooksRoute.POST,
            method: "POST",
            path: scoped("razorpay", account),
            params: { provider: "razorpay", account },
            cookie: cookies[role],
            headers,
            body,
          }),
        );
        expect(response.status).toBe(status);
        await envelope(response);
        expect(total).toBe(0);
      }
    }
    expect(await urlsAtSandbox("razorpay", account)).not.toContain(url);
  });
});

// --- 4 and 5. sign-in ------------------------------------------------------------------------

function signIn(body: unknown, headers: Record<string, string> = {}) {
  return send({
    handler: signInRoute.POST,
    method: "POST",
    path: "/api/auth/sign-in",
    body: JSON.stringify(body),
    headers,
  });
}

describe("sign-in", () => {
  it("a wrong password → 401 in the envelope, and no cookie", async () => {
    const response = await signIn({ email: "viewer@sandbox.test", password: "wrong-password" });
    expect(response.status).toBe(401);
    expect((await envelope(response)).code).toBe("unauthorized");
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("sets an HttpOnly, SameSite=Lax session cookie, not Secure over http", async () => {
    const response = await signIn({ email: "Admin@Sandbox.test ", password: SANDBOX_PASSWORD });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ email: "admin@sandbox.test", role: "admin" });
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("wc.session_token="));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).not.toMatch(/;\s*Secure/i);
    const me = await send({
      handler: meRoute.GET,
      method: "GET",
      path: "/api/me",
      cookie: cookie?.split(";")[0],
    });
    expect(me.status).toBe(200);
  });

  it("5 failures for one email → the 6th attempt, even with the right password, gets 429", async () => {
    const email = "locked-out@example.test";
    await createUser({ email, name: "Locked Out", role: "viewer", password: PASSWORD });
    for (let i = 0; i < 5; i++) {
      const failed = await signIn({ email, password: `wrong-${i}` });
      expect(failed.status).toBe(401);
    }
    const sixth = await signIn({ email: email.toUpperCase(), password: PASSWORD });
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await envelope(sixth)).code).toBe("rate_limited");
    expect(sixth.headers.get("set-cookie")).toBeNull();
  });

  it("failures sent all at once are limited too: no more than 5 are tried", async () => {
    const email = "in-parallel@example.test";
    await createUser({ email, name: "In Parallel", role: "viewer", password: PASSWORD });
    const replies = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signIn({ email, password: `wrong-${i}` })),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect((await signIn({ email, password: PASSWORD })).status).toBe(429);
  });

  it("a disabled user cannot sign in, even with the right password", async () => {
    const email = "disabled@example.test";
    const { id } = await createUser({ email, name: "Disabled", role: "admin", password: PASSWORD });
    await db().update(userTable).set({ disabled: true }).where(eq(userTable.id, id));
    const response = await signIn({ email, password: PASSWORD });
    expect(response.status).toBe(401);
    expect((await envelope(response)).code).toBe("unauthorized");
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(await db().select().from(sessionTable).where(eq(sessionTable.userId, id))).toEqual([]);
  });

  it("a cross-site sign-in is refused (no login CSRF)", async () => {
    const response = await signIn(
      { email: "admin@sandbox.test", password: SANDBOX_PASSWORD },
      { origin: "https://evil.example" },
    );
    expect(response.status).toBe(403);
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it.each(["not-an-email", "a@", "@sandbox.test", "viewer@@sandbox.test", ""])(
    "a malformed email %j → 422 naming the field",
    async (email) => {
      const response = await signIn({ email, password: "whatever" });
      expect([400, 422]).toContain(response.status);
      const error = await envelope(response);
      if (response.status === 422) expect(error.fields?.email?.length).toBeGreaterThan(0);
    },
  );
});
