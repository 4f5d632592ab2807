import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pingReportSchema } from "@/lib/webhooks/model";
import { CONEKTA_SEED } from "@/lib/sandbox/conekta/seed";
import { CONEKTA_API_VERSIONS } from "@/lib/sandbox/conekta/versions";
import { answerProviderCalls } from "@/lib/testing/provider-calls";
import { failure, SANDBOX_TEST_KEYS, useSandbox } from "@/lib/testing/sandbox";
import { createConektaAdapter } from "./adapter";
import { DEFAULT_PING_TIMING, pollDelay } from "./ping";

describe.each(CONEKTA_API_VERSIONS)("Conekta ping against the sandbox at API %s", (version) => {
  const sandbox = useSandbox();
  beforeEach(() => sandbox().reset());

  const adapter = (followMs = 3000) =>
    createConektaAdapter({
      apiKey: SANDBOX_TEST_KEYS.conektaApiKey,
      apiBase: `${sandbox().url}/conekta`,
      apiVersion: version,
      timeoutMs: 2000,
      ping: { followMs, pollMs: 100 },
    });
  const holding = { account: "default", language: "en" } as const;

  it("reports delivered with HTTP 200 for a webhook at /receivers/ok", async () => {
    const result = await adapter().pingWebhook({ ...holding, id: CONEKTA_SEED.webhooks.parentOk });
    expect(pingReportSchema.parse(result)).toEqual(result);
    expect(result).toMatchObject({
      outcome: "delivered",
      httpStatus: 200,
      messageCode: "delivered",
      messageValues: { status: 200 },
    });
  });

  it("reports failed with HTTP 500 for a webhook at /receivers/fail", async () => {
    const result = await adapter().pingWebhook({
      ...holding,
      id: CONEKTA_SEED.webhooks.parentFail,
    });
    expect(result).toMatchObject({
      outcome: "failed",
      httpStatus: 500,
      messageCode: "failed_status",
      messageValues: { status: 500 },
      // The webhook log's response_data, as the receiver answered it.
      responseExcerpt: expect.stringContaining('"received":false') as string,
    });
  });

  it("follows the ping of a child company's webhook in that company's events", async () => {
    const result = await adapter().pingWebhook({
      account: CONEKTA_SEED.otherChildId,
      language: "es",
      id: CONEKTA_SEED.webhooks.otherChildOk,
    });
    expect(result).toMatchObject({ outcome: "delivered", httpStatus: 200 });
  });

  it("keeps a URL with credentials: the log is found under the stored URL", async () => {
    const result = await adapter().pingWebhook({
      ...holding,
      id: CONEKTA_SEED.webhooks.parentWithCredentials,
    });
    expect(result).toMatchObject({ outcome: "delivered", httpStatus: 200 });
  });

  // /receivers/slow answers after 6 s: until then Conekta's log says -1 with no failed attempt,
  // which means "no answer yet", not a failure with status -1.
  it("treats the -1 status of a pending delivery as no answer yet, and says sent", async () => {
    const started = Date.now();
    const result = await adapter(400).pingWebhook({
      ...holding,
      id: CONEKTA_SEED.webhooks.parentSlow,
    });
    expect(result).toMatchObject({
      outcome: "sent",
      httpStatus: null,
      messageCode: "sent_unconfirmed",
      messageValues: { provider: "Conekta" },
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);

    const events = await fetch(`${sandbox().url}/conekta/events?limit=5`, {
      headers: { authorization: `Bearer ${SANDBOX_TEST_KEYS.conektaApiKey}` },
    });
    const body = (await events.json()) as {
      data: { type: string; webhook_logs: { last_http_response_status: number }[] }[];
    };
    const ping = body.data.find((e) => e.type === "webhook_ping");
    expect(ping?.webhook_logs[0]?.last_http_response_status).toBe(-1);
  });

  it("says not_found for an unknown webhook, without following anything", async () => {
    const error = await failure(
      adapter().pingWebhook({ ...holding, id: "ffffffffffffffffffffffff" }),
    );
    expect(error).toMatchObject({ code: "not_found", status: 404 });
  });
});

describe("Conekta ping, when Conekta records the ping event late", () => {
  let answering: ReturnType<typeof answerProviderCalls> | undefined;
  afterEach(() => answering?.restore());

  it("never takes an earlier ping of the same webhook for this one", async () => {
    const url = "https://hooks.example.com/conekta";
    const earlier = {
      id: "evt_earlier",
      type: "webhook_ping",
      created_at: Math.floor(Date.now() / 1000),
      webhook_logs: [{ url, failed_attempts: 0, last_http_response_status: 200 }],
    };
    const list = (data: unknown[]) => ({ object: "list", has_more: false, data });
    // A Conekta whose event list still shows only the earlier ping: this ping's event is not in yet.
    answering = answerProviderCalls("https://conekta.test", (request) =>
      request.url.pathname.endsWith("/test")
        ? { id: "65b9eff05eed00000000006b", url }
        : list([earlier]),
    );
    const adapter = createConektaAdapter({
      apiKey: "key_test",
      apiBase: "https://conekta.test",
      apiVersion: "2.1.0",
      timeoutMs: 2000,
      ping: { followMs: 300, pollMs: 50 },
    });
    const result = await adapter.pingWebhook({
      account: "default",
      language: "en",
      id: "65b9eff05eed00000000006b",
    });
    expect(result).toMatchObject({ outcome: "sent", httpStatus: null });
  });
});

describe("Conekta ping timing (issue 11, item 3)", () => {
  let answering: ReturnType<typeof answerProviderCalls> | undefined;
  afterEach(() => answering?.restore());

  it("looks soon and then less often: 25, 50, 100, 200 ms, then every 400 ms", () => {
    const delays = Array.from({ length: 7 }, (_, n) => pollDelay(DEFAULT_PING_TIMING, n));
    expect(delays).toEqual([25, 50, 100, 200, 400, 400, 400]);
    expect(pollDelay({ followMs: 1, pollMs: 70 }, 3)).toBe(70);
  });

  it("reads the earlier events alongside the test call, not before it", async () => {
    const url = "https://hooks.example.com/conekta";
    let testCalled!: () => void;
    const testArrived = new Promise<void>((resolve) => (testCalled = resolve));
    let firstRead = true;
    const list = (data: unknown[]) => ({ object: "list", has_more: false, data });
    answering = answerProviderCalls("https://conekta.test", async (request) => {
      if (request.url.pathname.endsWith("/test")) {
        testCalled();
        return { id: "65b9eff05eed00000000006b", url };
      }
      if (firstRead) {
        firstRead = false;
        // Answers only once the test call is out: a read awaited before it would wait forever.
        await testArrived;
        return list([]);
      }
      const ping = {
        id: "evt_this",
        type: "webhook_ping",
        created_at: Math.floor(Date.now() / 1000),
        webhook_logs: [{ url, failed_attempts: 0, last_http_response_status: 200 }],
      };
      return list([ping]);
    });
    const adapter = createConektaAdapter({
      apiKey: "key_test",
      apiBase: "https://conekta.test",
      apiVersion: "2.1.0",
      timeoutMs: 1000,
    });
    const result = await adapter.pingWebhook({
      account: "default",
      language: "en",
      id: "65b9eff05eed00000000006b",
    });
    expect(result).toMatchObject({ outcome: "delivered", httpStatus: 200 });
  });
});
