/**
 * `npm run bench [-- --json]`: what users feel, measured on the real HTTP routes of a production
 * build (issue 11). It builds when the build is stale, starts one console as `npm start` does, on
 * the sandbox, signs in as the demo support user, and measures in one run:
 *
 * - each provider's list (`GET /api/{provider}/{account}/webhooks?limit=20`) at concurrency 1
 *   against the same provider call made directly to the sandbox, request by request alternately:
 *   added latency = console − direct, at p50 and p99. The direct call is the one the console's
 *   adapter makes, and the sandbox's call log proves it (`GET /__control/calls`).
 * - each list at concurrency 50 against `GET /api/health`, a do-nothing route of the same build:
 *   req/s as a share of the do-nothing route's, and errors.
 * - first-load JS of the list and form pages against a blank page of the same build (gzip, from
 *   the build's manifests: lib/cli/bundle-size.ts).
 * - a Conekta ping in Chromium: click to toast, against the sandbox's delivery to the receiver.
 * - the console's resident memory after 10,000 list requests, and then after every page and GET
 *   route once more (for context: a route's code loads on its first request).
 * - Lighthouse on the list and form pages, mobile and desktop: performance, accessibility and best
 *   practices, with the audits that cost points (lib/cli/bench/lighthouse.ts). `--only lighthouse`
 *   runs this part alone.
 *
 * Rounds interleave (latency and throughput of every target in each round, order rotating), and
 * each figure is the median of the rounds, so that noise on a shared machine hits both sides of a
 * comparison alike. It prints each figure beside its target and exits 1 when one misses. It is a
 * benchmark, not a test: run it on a quiet machine, and read a miss by its margin.
 */
import { readFileSync } from "node:fs";
import { ensureBuild } from "./build";
import { startConsole, type RunningConsole } from "./bench/console";
import { figuresOf, type ServerMeasures } from "./bench/figures";
import { alternate, quantile, saturate, send, type Failures } from "./bench/load";
import { timePings } from "./bench/ping";
import { tourEveryRoute } from "./bench/tour";
import { runLighthouse } from "./bench/lighthouse";
import { lighthouseFigures } from "./bench/lighthouse-figures";
import { formatTable, passes, type Figure } from "./bench/report";
import { checkDirectIsFaithful, PROVIDERS, targetsOf } from "./bench/routes";

const ROUNDS = 3;
const LATENCY = { requests: 400, warmup: 40 };
const LOAD = { connections: 50, durationMs: 5_000, warmupMs: 1_000 };
const RSS_AFTER_REQUESTS = 10_000;
const PINGS = 5;

function addFailures(into: Failures, more: Failures): void {
  for (const [kind, n] of Object.entries(more)) into[kind] = (into[kind] ?? 0) + n;
}

const rotate = <T>(list: readonly T[], by: number) => [
  ...list.slice(by % list.length),
  ...list.slice(0, by % list.length),
];

async function measureServer(
  running: RunningConsole,
): Promise<ServerMeasures & { cookie: string }> {
  const cookie = await running.signIn("support@sandbox.test");
  const targets = targetsOf(running, cookie);
  await checkDirectIsFaithful(running, targets);
  const rssAtStartMb = running.rssMb();

  const latency: ServerMeasures["latency"] = { conekta: [], razorpay: [] };
  const load: ServerMeasures["load"] = { health: [], conekta: [], razorpay: [] };
  const failures: ServerMeasures["failures"] = {
    conekta: { c1: {}, c50: {} },
    razorpay: { c1: {}, c50: {} },
    health: {},
  };
  let listRequests = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const provider of rotate(PROVIDERS, round)) {
      const {
        a,
        b,
        failures: failed,
      } = await alternate(targets.list[provider], targets.direct[provider], LATENCY);
      listRequests += LATENCY.requests + LATENCY.warmup;
      addFailures(failures[provider].c1, failed);
      latency[provider].push({
        p50: quantile(a, 0.5),
        p99: quantile(a, 0.99),
        directP50: quantile(b, 0.5),
        directP99: quantile(b, 0.99),
      });
    }
    for (const name of rotate(["health", ...PROVIDERS] as const, round)) {
      const result = await saturate(name === "health" ? targets.health : targets.list[name], LOAD);
      load[name].push(result.perSecond);
      if (name === "health") addFailures(failures.health, result.failures);
      else {
        addFailures(failures[name].c50, result.failures);
        listRequests += result.requests;
      }
    }
    console.error(`round ${round + 1} of ${ROUNDS} done`);
  }
  // The rest of the 10,000 list requests, both providers, at the same concurrency.
  for (let i = 0; listRequests < RSS_AFTER_REQUESTS; i++) {
    const count = Math.min(1_000, RSS_AFTER_REQUESTS - listRequests);
    const provider = PROVIDERS[i % 2]!;
    addFailures(
      failures[provider].c50,
      await send(targets.list[provider], count, LOAD.connections),
    );
    listRequests += count;
  }
  const rssMb = running.rssMb();
  const routes = await tourEveryRoute(running.url, await running.signIn("admin@sandbox.test"));
  const tour = { routes, rssMb: running.rssMb() };
  return { cookie, latency, load, failures, listRequests, rssAtStartMb, rssMb, tour };
}

/** The part named by `--only PART`, or every part. */
function onlyPart(): "lighthouse" | undefined {
  const at = process.argv.indexOf("--only");
  if (at === -1) return undefined;
  const part = process.argv[at + 1];
  if (part !== "lighthouse") throw new Error(`--only takes lighthouse, not ${part ?? "nothing"}`);
  return part;
}

async function main() {
  const json = process.argv.includes("--json");
  const only = onlyPart();
  if (!ensureBuild()) throw new Error("the build failed; see the messages above");
  const running = await startConsole();
  let figures: Figure[];
  try {
    if (only === "lighthouse") {
      const cookie = await running.signIn("support@sandbox.test");
      figures = lighthouseFigures(await runLighthouse(running.url, cookie, ROUNDS));
    } else {
      const server = await measureServer(running);
      // After the load, on a warm server; the first ping is a warm-up and does not count.
      const pings = (
        await timePings(running.url, running.sandboxUrl, server.cookie, PINGS + 1)
      ).slice(1);
      // Last: the pages as a person loads them, after the load is over.
      const lighthouse = await runLighthouse(running.url, server.cookie, ROUNDS);
      figures = [...figuresOf(server, pings), ...lighthouseFigures(lighthouse)];
    }
  } catch (error) {
    const output = readFileSync(running.logFile, "utf8").split("\n").slice(-40).join("\n");
    console.error(`The console's last output:\n${output}`);
    throw error;
  } finally {
    await running.stop();
  }
  if (json)
    console.log(
      JSON.stringify(
        figures.map((f) => ({ ...f, pass: passes(f) })),
        null,
        2,
      ),
    );
  else console.log(`\n${formatTable(figures)}\n`);
  const missed = figures.filter((f) => passes(f) === false);
  if (missed.length > 0)
    console.error(`Missed ${missed.length} of ${figures.filter((f) => f.target).length} targets.`);
  process.exit(missed.length > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
