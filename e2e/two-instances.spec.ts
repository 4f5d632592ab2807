import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:net";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { inArray } from "drizzle-orm";
import { verifyAuditChain } from "@/lib/audit/verify";
import { startArgs } from "@/lib/cli/start-command";
import { openDatabase, type OpenDatabase } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";
import { SANDBOX_PASSWORD } from "@/lib/sandbox/defaults";
import { createDatabase, startPostgres } from "@/lib/testing/postgres-server";
import { demoEmail } from "./fixtures/auth";
import { conekta } from "./fixtures/conekta";
import { sandboxUrl } from "./fixtures/sandbox";
import { expect, seed, test } from "./fixtures/test";

/**
 * DESIGN.md, "State and scale": the Next.js server keeps nothing in memory that another instance
 * would need. Two console instances on one real PostgreSQL server, no proxy (two ports, so two
 * origins): a session, the ping limit, the audit chain and a disabled user hold across both.
 *
 * The contexts carry no cookies of their own: each request names its session in a Cookie header,
 * so that a session made on A and sent to B is exactly what B is shown (cookies ignore ports, and
 * the shared jar would otherwise send the main console's cookies too).
 */

const SESSION_COOKIE = "wc.session_token";
/** The pinged webhook's account: a Conekta ping is delivered by the sandbox, not the console. */
const account = conekta.children.mariscos;
const run = randomBytes(4).toString("hex");

/** A reply's body for a failure message, cut short (a list of webhooks says nothing more). */
async function text(response: APIResponse): Promise<string> {
  const body = await response.text();
  return body.length > 400 ? `${body.slice(0, 400)}…` : body;
}

/** A free loopback port, kept open until all are chosen so that two picks never collide. */
async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = createServer();
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(0, "127.0.0.1", () => resolve());
      });
      servers.push(server);
    }
    return servers.map((s) => {
      const address = s.address();
      if (!address || typeof address !== "object") throw new Error("could not pick a free port");
      return address.port;
    });
  } finally {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  }
}

/** One `npm start` of the existing build, its output kept for the failure message. */
class Instance {
  readonly origin: string;
  private output = "";
  private exited: string | null = null;
  private requests = 0;
  readonly process: ChildProcess;
  api!: APIRequestContext;

  constructor(
    readonly name: "a" | "b",
    readonly port: number,
    databaseUrl: string,
  ) {
    this.origin = `http://127.0.0.1:${port}`;
    const sandboxPort = new URL(sandboxUrl()).port;
    // Only what the console needs, so that nothing in the runner's environment (DATA_DIR,
    // PUBLIC_URL, provider keys) changes which database or origin these instances use.
    const inherited = ["PATH", "HOME", "TMPDIR", "LANG", "TZ"].filter((k) => process.env[k]);
    // `npm start` without its sandbox (both share the one the main console runs) and on the build
    // the main console serves, never a rebuild under it.
    this.process = spawn(process.execPath, startArgs("--no-sandbox", "--no-build"), {
      cwd: process.cwd(),
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...Object.fromEntries(inherited.map((k) => [k, process.env[k]])),
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        PORT: String(port),
        HOST: "127.0.0.1",
        SANDBOX: "on",
        SANDBOX_PORT: sandboxPort,
        DATABASE_URL: databaseUrl,
      },
    });
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    this.process.stdout?.on("data", keep);
    this.process.stderr?.on("data", keep);
    this.process.on("exit", (code, signal) => {
      this.exited = `exited (code ${code}, signal ${signal})`;
    });
  }

  describe(): string {
    return `instance ${this.name.toUpperCase()} on ${this.origin}${this.exited ? ` ${this.exited}` : ""}:\n${this.output.trim() || "(no output)"}`;
  }

  /** Polls until the instance answers GET /api/me with 401 (up and migrated, no session). */
  async ready(deadline: number): Promise<void> {
    for (;;) {
      if (this.exited) throw new Error(`the console did not start: ${this.describe()}`);
      const status = await this.api
        .get("/api/me", { headers: { cookie: "" }, timeout: 5_000, failOnStatusCode: false })
        .then((r) => r.status())
        .catch(() => 0);
      if (status === 401) return;
      if (status !== 0 && status !== 503)
        throw new Error(`GET /api/me answered ${status}, not 401: ${this.describe()}`);
      if (Date.now() > deadline)
        throw new Error(`the console did not answer in time: ${this.describe()}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** A request id of this instance's own, so that the audit log says which one served it. */
  nextRequestId(): string {
    this.requests++;
    return `two-instances-${run}-${this.name}-${this.requests}`;
  }

  requestIdPrefix(): string {
    return `two-instances-${run}-${this.name}-`;
  }

  /** A request with `session` (or none) as its only cookie; a change comes from this origin. */
  send(
    method: "GET" | "POST" | "PATCH" | "DELETE",
    url: string,
    options: { session?: string | null; data?: unknown } = {},
  ): Promise<APIResponse> {
    const headers: Record<string, string> = {
      cookie: options.session ? `${SESSION_COOKIE}=${options.session}` : "",
      "x-request-id": this.nextRequestId(),
    };
    if (method !== "GET") headers.origin = this.origin;
    return this.api.fetch(url, {
      method,
      headers,
      data: options.data,
      failOnStatusCode: false,
      maxRedirects: 0,
    });
  }

  /** Signs a demo user in here and returns the session cookie's value. */
  async signIn(role: "admin" | "merchant"): Promise<{ session: string; user: { id: string } }> {
    const response = await this.send("POST", "/api/auth/sign-in", {
      data: { email: demoEmail(role), password: SANDBOX_PASSWORD },
    });
    expect(response.status(), await text(response)).toBe(200);
    const cookie = response
      .headersArray()
      .filter((h) => h.name.toLowerCase() === "set-cookie")
      .map((h) => h.value.split(";")[0] ?? "")
      .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    expect(cookie, `sign-in on ${this.origin} set no ${SESSION_COOKIE} cookie`).toBeTruthy();
    return {
      session: cookie!.slice(SESSION_COOKIE.length + 1),
      user: (await response.json()) as { id: string },
    };
  }

  /** Ends the process group (the console and anything it started). */
  async stop(): Promise<void> {
    await this.api?.dispose().catch(() => undefined);
    const pid = this.process.pid;
    if (!pid || this.exited) return;
    const gone = new Promise<void>((resolve) => this.process.once("exit", () => resolve()));
    const kill = (signal: NodeJS.Signals) => {
      try {
        process.kill(-pid, signal);
      } catch {
        // Already gone.
      }
    };
    kill("SIGTERM");
    const timer = setTimeout(() => kill("SIGKILL"), 5_000);
    await gone;
    clearTimeout(timer);
  }
}

test.describe("two console instances on one PostgreSQL", () => {
  test.describe.configure({ mode: "serial" });

  let postgres: Awaited<ReturnType<typeof startPostgres>> | undefined;
  let databaseUrl = "";
  let a: Instance;
  let b: Instance;
  /** The admin session of tests 2 to 4 (test 1 signs its own out), and the webhook pinged. */
  let admin: { session: string; user: { id: string } };
  let webhookId: string | undefined;
  /** The audited actions this file made, to find them in the log. */
  let audited = 0;

  test.beforeAll(async ({ playwright }) => {
    test.setTimeout(120_000);
    // No PostgreSQL on this machine fails here with startPostgres' message: how to install it.
    postgres = await startPostgres();
    databaseUrl = await createDatabase(postgres.url, `two_instances_${run}`);
    const [portA, portB] = await freePorts(2);
    // Started at the same moment: both migrate the one database, taking turns on its lock.
    a = new Instance("a", portA!, databaseUrl);
    b = new Instance("b", portB!, databaseUrl);
    for (const instance of [a, b]) {
      instance.api = await playwright.request.newContext({
        baseURL: instance.origin,
        extraHTTPHeaders: {},
        storageState: { cookies: [], origins: [] },
      });
    }
    const deadline = Date.now() + 90_000;
    await Promise.all([a.ready(deadline), b.ready(deadline)]);
  });

  test.afterAll(async () => {
    test.setTimeout(60_000);
    try {
      // The webhook lives at the sandbox, which other tests share.
      if (webhookId && admin) {
        const deleted = await a.send("DELETE", `/api/conekta/${account}/webhooks/${webhookId}`, {
          session: admin.session,
        });
        expect([204, 404], await text(deleted)).toContain(deleted.status());
      }
    } finally {
      await Promise.all([a?.stop(), b?.stop()]);
      await postgres?.stop();
    }
  });

  test("a session made on A works on B, and signing out on B ends it on A", async () => {
    const signedIn = await a.signIn("admin");
    audited++;
    const onA = await a.send("GET", "/api/me", { session: signedIn.session });
    expect(onA.status(), await text(onA)).toBe(200);
    const onB = await b.send("GET", "/api/me", { session: signedIn.session });
    expect(onB.status(), `A's session on B: ${await text(onB)}`).toBe(200);
    const me = (await onB.json()) as { id: string; email: string; role: string };
    expect(me).toMatchObject({ id: signedIn.user.id, email: demoEmail("admin"), role: "admin" });

    const signedOut = await b.send("POST", "/api/auth/sign-out", { session: signedIn.session });
    expect(signedOut.status(), await text(signedOut)).toBe(204);
    audited++;
    for (const instance of [a, b]) {
      const after = await instance.send("GET", "/api/me", { session: signedIn.session });
      expect(after.status(), `signed out on B, then on ${instance.origin}`).toBe(401);
    }
  });

  test("the 11th ping of a minute, split across A and B, gets a 429 with Retry-After", async () => {
    admin = await b.signIn("admin");
    audited++;
    const created = await a.send("POST", `/api/conekta/${account}/webhooks`, {
      session: admin.session,
      data: {
        url: `${sandboxUrl()}/receivers/ok/two-instances-${run}`,
        events: ["order.paid"],
      },
    });
    expect(created.status(), await text(created)).toBe(201);
    webhookId = ((await created.json()) as { id: string }).id;
    audited++;

    const ping = (instance: Instance) =>
      instance.send("POST", `/api/conekta/${account}/webhooks/${webhookId}/ping`, {
        session: admin.session,
        data: {},
      });
    for (let i = 0; i < 10; i++) {
      const instance = i % 2 === 0 ? a : b;
      const response = await ping(instance);
      expect(
        response.status(),
        `ping ${i + 1} on ${instance.origin}: ${await text(response)}`,
      ).toBe(200);
      expect(await response.json()).toMatchObject({ outcome: "delivered", httpStatus: 200 });
      audited++;
    }
    // Five on each: neither instance alone has reached the limit, only the shared count has.
    for (const instance of [a, b]) {
      const refused = await ping(instance);
      expect(refused.status(), `11th ping on ${instance.origin}: ${await text(refused)}`).toBe(429);
      expect(Number(refused.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
      expect(Number(refused.headers()["retry-after"])).toBeLessThanOrEqual(60);
      expect(await refused.json()).toMatchObject({ error: { code: "rate_limited" } });
    }
  });

  test("audit entries from both instances form one verifiable chain", async () => {
    let open: OpenDatabase | undefined;
    try {
      open = await openDatabase({ kind: "server", url: databaseUrl });
      const report = await verifyAuditChain(open.db);
      expect(report).toEqual({ ok: true, entries: expect.any(Number) });
      expect(report.entries).toBeGreaterThanOrEqual(audited);

      const ours = await open.db
        .select({
          requestId: auditLog.requestId,
          action: auditLog.action,
          outcome: auditLog.outcome,
        })
        .from(auditLog)
        .where(
          inArray(auditLog.action, [
            "auth.sign_in",
            "auth.sign_out",
            "webhook.create",
            "webhook.ping",
          ]),
        );
      const from = (instance: Instance) =>
        ours.filter((e) => e.requestId?.startsWith(instance.requestIdPrefix()));
      expect(ours.filter((e) => from(a).includes(e) || from(b).includes(e))).toHaveLength(audited);
      const pings = (instance: Instance) =>
        from(instance).filter((e) => e.action === "webhook.ping" && e.outcome === "ok");
      expect(pings(a)).toHaveLength(5);
      expect(pings(b)).toHaveLength(5);
      expect(from(a).map((e) => e.action)).toEqual(
        expect.arrayContaining(["auth.sign_in", "webhook.create"]),
      );
      expect(from(b).map((e) => e.action)).toEqual(
        expect.arrayContaining(["auth.sign_in", "auth.sign_out"]),
      );
    } finally {
      await open?.close();
    }
  });

  test("a user disabled on A is refused on B at once", async () => {
    const merchant = await b.signIn("merchant");
    // The merchant opens Tienda Aurora (a grant of theirs); reading its list changes nothing.
    const list = `/api/razorpay/${seed.razorpay.aurora}/webhooks`;
    const before = await b.send("GET", list, { session: merchant.session });
    expect(before.status(), await text(before)).toBe(200);

    const disable = (disabled: boolean) =>
      a.send("PATCH", `/api/users/${merchant.user.id}`, {
        session: admin.session,
        data: { disabled },
      });
    try {
      const disabled = await disable(true);
      expect(disabled.status(), await text(disabled)).toBe(200);
      expect(await disabled.json()).toMatchObject({ disabled: true });

      const refused = await b.send("GET", list, { session: merchant.session });
      expect(refused.status(), `the disabled merchant on B: ${await text(refused)}`).toBe(401);
      expect(await refused.json()).toMatchObject({
        error: { code: "unauthorized", message: expect.any(String) },
      });
      const signIn = await b.send("POST", "/api/auth/sign-in", {
        data: { email: demoEmail("merchant"), password: SANDBOX_PASSWORD },
      });
      expect(signIn.status(), `a disabled merchant signs in on B: ${await text(signIn)}`).toBe(401);
    } finally {
      const enabled = await disable(false);
      expect(enabled.status(), await text(enabled)).toBe(200);
    }
    // Enabled again on A, the merchant may sign in on B.
    await b.signIn("merchant");
  });
});
