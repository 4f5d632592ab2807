/**
 * What the bench loads: the do-nothing route, each provider's list in the console, and the
 * provider call the console's adapter makes for that list, sent directly to the sandbox.
 */
import { request } from "undici";
import {
  SANDBOX_CONEKTA_API_KEY,
  SANDBOX_RAZORPAY_KEY_ID,
  SANDBOX_RAZORPAY_KEY_SECRET,
} from "@/lib/sandbox/defaults";
import type { RunningConsole } from "./console";
import { describeFailures, send, type Target } from "./load";

const RAZORPAY_ACCOUNT = "acc_Ha6Vb2QzPQ9x1K";

export type Provider = "conekta" | "razorpay";
export const PROVIDERS: Provider[] = ["conekta", "razorpay"];

/** The console's list of each provider, and the provider call its adapter makes for it. */
export function targetsOf(running: RunningConsole, cookie: string) {
  const consoleTarget = (path: string): Target => ({
    origin: running.url,
    path,
    headers: { cookie },
  });
  const basic = Buffer.from(`${SANDBOX_RAZORPAY_KEY_ID}:${SANDBOX_RAZORPAY_KEY_SECRET}`);
  return {
    health: consoleTarget("/api/health"),
    list: {
      conekta: consoleTarget("/api/conekta/default/webhooks?limit=20"),
      razorpay: consoleTarget(`/api/razorpay/${RAZORPAY_ACCOUNT}/webhooks?limit=20`),
    },
    // lib/providers/conekta/adapter.ts listWebhooks; the holding's name is cached, and a first
    // page that holds the whole list is its own count (lib/webhooks/service.ts).
    direct: {
      conekta: {
        origin: running.sandboxUrl,
        path: "/conekta/webhooks?limit=20",
        headers: {
          authorization: `Bearer ${SANDBOX_CONEKTA_API_KEY}`,
          accept: "application/vnd.conekta-v2.1.0+json",
          "accept-language": "en",
        },
      },
      // lib/providers/razorpay/adapter.ts listWebhooks: one more than the page, to see a next one.
      razorpay: {
        origin: running.sandboxUrl,
        path: `/razorpay/v2/accounts/${RAZORPAY_ACCOUNT}/webhooks?count=21&skip=0`,
        headers: { authorization: `Basic ${basic.toString("base64")}`, accept: "application/json" },
      },
    } satisfies Record<Provider, Target>,
  };
}

/** The provider calls (method and path) the sandbox got while `run` ran. */
async function callsDuring(sandboxUrl: string, run: () => Promise<unknown>): Promise<string[]> {
  type Calls = { last: number; data: { method: string; path: string }[] };
  const read = async (after: number) =>
    (await (await request(`${sandboxUrl}/__control/calls?after=${after}`)).body.json()) as Calls;
  const { last } = await read(0);
  await run();
  return (await read(last)).data.map((c) => `${c.method} ${c.path}`);
}

/** Fails unless a warm console list makes exactly the provider call the bench makes directly. */
export async function checkDirectIsFaithful(running: RunningConsole, targets: Targets) {
  for (const provider of PROVIDERS) {
    const once = async (t: Target) => {
      const failures = describeFailures(await send(t, 1, 1));
      if (failures) throw new Error(`GET ${t.path}: ${failures}`);
    };
    await once(targets.list[provider]); // warms the account and holding-name caches
    const viaConsole = await callsDuring(running.sandboxUrl, () => once(targets.list[provider]));
    const direct = await callsDuring(running.sandboxUrl, () => once(targets.direct[provider]));
    if (viaConsole.join() !== direct.join())
      throw new Error(
        `${provider}: the console's list called ${viaConsole.join(", ") || "nothing"}, the bench's direct call ${direct.join(", ")}`,
      );
  }
}

export type Targets = ReturnType<typeof targetsOf>;
