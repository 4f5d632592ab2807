import { afterEach, beforeEach } from "vitest";
import { SANDBOX_RAZORPAY_ACCOUNTS } from "@/lib/sandbox/defaults";
import { RAZORPAY_SEED } from "@/lib/sandbox/razorpay/seed";
import {
  present,
  recordProviderCalls,
  SANDBOX_TEST_KEYS,
  useSandbox,
  type SentRequest,
} from "@/lib/testing/sandbox";
import { createRazorpayAdapter } from "./adapter";

export const AURORA = RAZORPAY_SEED.accounts.aurora;
export const EMPTY = RAZORPAY_SEED.accounts.empty;

/**
 * For the adapter's tests against the sandbox (./adapter.test.ts, ./adapter-list.test.ts): a fresh
 * sandbox per test, the requests the adapter sent to it, and its webhooks read without the adapter.
 */
export function useRazorpayAdapterHarness() {
  const sandbox = useSandbox();
  let recorder: ReturnType<typeof recordProviderCalls>;

  beforeEach(() => {
    sandbox().reset();
    recorder = recordProviderCalls(`${sandbox().url}/razorpay/`);
  });
  afterEach(() => recorder.restore());

  const adapter = (keySecret = SANDBOX_TEST_KEYS.razorpayKeySecret) =>
    createRazorpayAdapter({
      keyId: SANDBOX_TEST_KEYS.razorpayKeyId,
      keySecret,
      apiBase: `${sandbox().url}/razorpay`,
      timeoutMs: 2000,
      accounts: SANDBOX_RAZORPAY_ACCOUNTS.map((a) => ({ ...a })),
      allowPrivatePingTargets: true,
    });
  const aurora = { account: AURORA, language: "en" } as const;
  const empty = { account: EMPTY, language: "en" } as const;

  const queryOf = (request: SentRequest | undefined) =>
    Object.fromEntries(request?.url.searchParams ?? []);
  const bodyOf = (request: SentRequest | undefined) =>
    JSON.parse(present(request?.body, "request body")) as Record<string, unknown>;
  const sentWith = (method: string) => recorder.sent.filter((r) => r.method === method);

  /** The account's webhooks as Razorpay stores them, read without the adapter. */
  async function rawWebhooks(account: string) {
    const auth = Buffer.from(
      `${SANDBOX_TEST_KEYS.razorpayKeyId}:${SANDBOX_TEST_KEYS.razorpayKeySecret}`,
    ).toString("base64");
    const response = await fetch(
      `${sandbox().url}/razorpay/v2/accounts/${account}/webhooks?count=100`,
      { headers: { authorization: `Basic ${auth}` } },
    );
    const body = (await response.json()) as {
      items: {
        id: string;
        url: string;
        events: string[];
        created_at: number;
        secret_exists: boolean;
      }[];
    };
    return body.items;
  }
  async function rawWebhook(account: string, id: string) {
    return (await rawWebhooks(account)).find((w) => w.id === id);
  }

  return {
    sandbox,
    adapter,
    aurora,
    empty,
    queryOf,
    bodyOf,
    sentWith,
    /** What the adapter sent to the sandbox's Razorpay in this test. */
    sent: () => recorder.sent,
    rawWebhooks,
    rawWebhook,
  };
}
