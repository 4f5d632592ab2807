import { beforeEach, describe, expect, it } from "vitest";
import { pingResultSchema } from "@/lib/webhooks/model";
import { CONEKTA_SEED } from "@/lib/sandbox/conekta/seed";
import { failure, SANDBOX_TEST_KEYS, useSandbox } from "@/lib/testing/sandbox";
import { createConektaAdapter } from "./adapter";

describe("Conekta ping against the sandbox", () => {
  const sandbox = useSandbox();
  beforeEach(() => sandbox().reset());

  const adapter = (followMs = 3000) =>
    createConektaAdapter({
      apiKey: SANDBOX_TEST_KEYS.conektaApiKey,
      apiBase: `${sandbox().url}/conekta`,
      apiVersion: "2.1.0",
      timeoutMs: 2000,
      ping: { followMs, pollMs: 100 },
    });
  const holding = { account: "default", language: "en" } as const;

  it("reports delivered with HTTP 200 for a webhook at /receivers/ok", async () => {
    const result = await adapter().pingWebhook({ ...holding, id: CONEKTA_SEED.webhooks.parentOk });
    expect(pingResultSchema.parse(result)).toMatchObject({ outcome: "delivered", httpStatus: 200 });
    expect(result.message).toContain("200");
  });

  it("reports failed with HTTP 500 for a webhook at /receivers/fail", async () => {
    const result = await adapter().pingWebhook({
      ...holding,
      id: CONEKTA_SEED.webhooks.parentFail,
    });
    expect(result).toMatchObject({ outcome: "failed", httpStatus: 500 });
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
    expect(result).toMatchObject({ outcome: "sent", httpStatus: null });
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
