/**
 * `npm run fuzz [-- --runs N --seed S]`: a property-based fuzz test of every console API route
 * (fast-check), against the production build on the bundled sandbox. Each generated request
 * (lib/testing/fuzz/requests.ts) must hold the API's promises for bad input: never a 5xx, always
 * the error envelope under /api, never a provider key or a stack trace, and never a provider call
 * for a request the console refused itself.
 *
 * Generated webhook URLs may name any host, and a ping sends to the webhook's URL. So the run
 * re-executes itself in a fresh network namespace that has only loopback (`unshare -n`): even
 * with a broken SSRF guard nothing can leave this machine. Without `unshare` it does not run.
 *
 * `npm test` runs it at 2,000 requests after the browser tests. FUZZ_TRACE=1 prints each request
 * before it is sent, to find one that hangs.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request, type IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import type { Duplex, Readable } from "node:stream";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { SANDBOX_DEMO_USERS, SANDBOX_KEYS, SANDBOX_PASSWORD } from "../sandbox/defaults";
import { fuzzRequest, type FuzzRequest, type Known } from "../testing/fuzz/requests";
import { checkReply, type Reply } from "../testing/fuzz/invariants";
import { startArgs } from "./start-command";
import { freePort } from "../utils/free-port";

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const runs = Number(option("runs") ?? process.env.FUZZ_RUNS ?? 2000);
const seed = Number(option("seed") ?? Date.now() % 2 ** 31);
/** `--survey`: go on past a broken promise and list them all at the end, to see every crack at once. */
const survey = args.includes("--survey");

function fail(message: string): never {
  console.error(`fuzz: ${message}`);
  process.exit(1);
}

/** Runs this script again inside a new network namespace with loopback up, and exits with it. */
function reexecIsolated(): never {
  const script = fileURLToPath(import.meta.url);
  const unshare = process.getuid?.() === 0 ? ["-n"] : ["-rn"];
  const result = spawnSync(
    "unshare",
    [
      ...unshare,
      "sh",
      "-c",
      'ip link set lo up && exec "$@"',
      "sh",
      process.execPath,
      ...process.execArgv,
      script,
      ...args,
    ],
    { stdio: "inherit", env: { ...process.env, FUZZ_NETNS: "1" } },
  );
  if (result.error || result.status === null) {
    fail(
      `cannot make a network namespace (${String(result.error ?? result.signal)}); the fuzz test ` +
        "only runs where `unshare -n` works (root or unprivileged user namespaces)",
    );
  }
  process.exit(result.status);
}

/** A reply's status and headers, and its body read to the end from `body` after `head`. */
function readReply(res: IncomingMessage, body: Readable | Duplex, head: Buffer): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const chunks = [head];
    body.on("data", (chunk: Buffer) => chunks.push(chunk));
    body.on("end", () =>
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      }),
    );
    body.on("error", reject);
  });
}

/** One request as sent on the wire: any method, a raw target, the reply read whole. */
function send(port: number, req: FuzzRequest): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: "127.0.0.1",
        port,
        method: req.method,
        path: req.target,
        // Node's client frames a GET, HEAD or DELETE body with nothing at all (no length, not
        // chunked), so the server rightly reads it as the next request; say its length.
        headers: req.body
          ? { ...req.headers, "content-length": String(Buffer.byteLength(req.body)) }
          : req.headers,
      },
      (res) => void readReply(res, res, Buffer.alloc(0)).then(resolve, reject),
    );
    // Node's client hands the reply to a CONNECT to this event, with the socket that carries its body.
    outgoing.on(
      "connect",
      (res: IncomingMessage, socket: Duplex, head: Buffer) =>
        void readReply(res, socket, head).then(resolve, reject),
    );
    outgoing.setTimeout(30_000, () => outgoing.destroy(new Error("no reply in 30 s")));
    outgoing.on("error", reject);
    outgoing.end(req.body);
  });
}

async function json<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${init?.method ?? "GET"} ${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

async function waitUntilUp(url: string, console: ChildProcess) {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (console.exitCode !== null)
      fail(`the console exited (${console.exitCode}) before it was up`);
    const up = await fetch(url).then(
      (r) => r.status === 401,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  fail("the console did not come up in 5 minutes");
}

/** Signs each demo user in, and reads the real ids the generators mix in. */
async function learn(base: string): Promise<Known> {
  const origin = new URL(base).origin;
  const cookies: Record<string, string> = {};
  for (const user of SANDBOX_DEMO_USERS) {
    const response = await fetch(`${base}/api/auth/sign-in`, {
      method: "POST",
      headers: { origin, "content-type": "application/json" },
      body: JSON.stringify({ email: user.email, password: SANDBOX_PASSWORD }),
    });
    const cookie = response.headers.getSetCookie()[0]?.split(";")[0];
    if (!response.ok || !cookie) fail(`cannot sign in as ${user.email} (HTTP ${response.status})`);
    cookies[user.role] = cookie;
  }
  const as = { headers: { cookie: cookies.admin ?? "" } };
  const accounts: Known["accounts"] = [];
  const events: string[] = [];
  for (const provider of ["conekta", "razorpay"]) {
    const page = await json<{ data: { id: string }[] }>(`${base}/api/${provider}/accounts`, as);
    for (const { id } of page.data.slice(0, 3)) {
      const list = await json<{ data: { id: string }[] }>(
        `${base}/api/${provider}/${id}/webhooks?limit=5`,
        as,
      );
      accounts.push({ provider, account: id, webhooks: list.data.map((w) => w.id) });
    }
    const catalogue = await json<{ groups: { events: { name: string }[] }[] }>(
      `${base}/api/${provider}/events`,
      as,
    );
    events.push(...catalogue.groups.flatMap((g) => g.events.map((e) => e.name)).slice(0, 6));
  }
  const users = await json<{ data: { id: string }[] }>(`${base}/api/users`, as);
  return { accounts, events, origin, cookies, users: users.data.map((u) => u.id) };
}

async function main() {
  if (process.env.FUZZ_NETNS !== "1") reexecIsolated();
  // /proc/net/dev lists this namespace's interfaces (sysfs would still show the host's).
  const interfaces = readFileSync("/proc/net/dev", "utf8")
    .split("\n")
    .slice(2)
    .map((line) => line.split(":")[0]?.trim())
    .filter(Boolean);
  if (interfaces.join() !== "lo") fail(`not isolated: this namespace has ${interfaces.join(", ")}`);

  const [port, sandboxPort] = [await freePort(), await freePort()];
  const dataDir = mkdtempSync(path.join(tmpdir(), "webhook-console-fuzz-"));
  const server = spawn(process.execPath, startArgs(), {
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(port),
      SANDBOX: "on",
      SANDBOX_PORT: String(sandboxPort),
      DATA_DIR: dataDir,
      PROVIDER_TIMEOUT_MS: "3000",
    },
  });
  let serverLog = "";
  server.stderr?.on("data", (chunk: Buffer) => (serverLog += chunk.toString()));
  const stop = () => {
    server.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once("exit", stop);

  const base = `http://127.0.0.1:${port}`;
  const control = `http://127.0.0.1:${sandboxPort}/__control`;
  await waitUntilUp(`${base}/api/me`, server);
  const known = await learn(base);
  const secrets = Object.values(SANDBOX_KEYS);
  const tally = new Map<number, number>();
  let done = 0;
  const problems: string[] = [];

  /** Sends one request and checks its reply; throws the first broken promise. */
  const probe = async (req: FuzzRequest) => {
    // A fresh sandbox now and then, so that creates do not stop at the account's limit.
    if (++done % 250 === 0) await fetch(`${control}/reset`, { method: "POST" });
    if (process.env.FUZZ_TRACE) console.log(done, req.method, req.target.slice(0, 120));
    const { last } = await json<{ last: number }>(`${control}/calls?after=${2 ** 50}`);
    const reply = await send(port, req).catch((error: unknown) => {
      throw new Error(`${req.method} ${req.target.slice(0, 200)}: no reply (${String(error)})`);
    });
    const calls = await json<{ data: { method: string; path: string }[] }>(
      `${control}/calls?after=${last}`,
    );
    tally.set(reply.status, (tally.get(reply.status) ?? 0) + 1);
    const problem = checkReply(req, reply, { providerCalls: calls.data.length, secrets });
    if (problem) {
      const forwarded = calls.data.map((call) => `${call.method} ${call.path}`).join(", ");
      throw new Error(forwarded ? `${problem} [provider calls: ${forwarded}]` : problem);
    }
  };

  console.log(`fuzz: ${runs} requests, seed ${seed}, console ${base}`);
  const started = Date.now();
  try {
    await fc.assert(
      fc.asyncProperty(fuzzRequest(known), async (req) => {
        if (!survey) return probe(req);
        await probe(req).catch((error: unknown) => problems.push((error as Error).message));
      }),
      { numRuns: runs, seed, endOnFailure: true },
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    // fast-check keeps the property's own error (the broken promise) as the cause.
    if (error instanceof Error && error.cause instanceof Error) console.error(error.cause.message);
    if (/\n\s+at .+:\d+:\d+/.test(serverLog)) console.error(`console stderr:\n${serverLog}`);
    console.log(`fuzz: 0 passed, 1 failed (seed ${seed})`);
    process.exit(1);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const statuses = [...tally].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
  console.log(`fuzz: statuses ${statuses.join(" ")} in ${seconds} s`);
  if (problems.length > 0) {
    console.error(problems.map((p) => p.slice(0, 400)).join("\n"));
    console.log(`fuzz: ${runs - problems.length} passed, ${problems.length} failed`);
    process.exit(1);
  }
  if (/\n\s+at .+:\d+:\d+/.test(serverLog)) {
    console.error(`console stderr has a stack trace:\n${serverLog}`);
    console.log(`fuzz: ${runs - 1} passed, 1 failed`);
    process.exit(1);
  }
  console.log(`fuzz: ${runs} passed, 0 failed`);
  process.exit(0);
}

void main();
