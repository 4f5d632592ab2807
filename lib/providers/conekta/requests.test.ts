import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Language } from "@/lib/http/language";
import {
  findConektaPathTemplate,
  loadConektaSpec,
  validateConektaRequest,
} from "@/lib/sandbox/conekta/openapi-validator";
import { CONEKTA_SEED } from "@/lib/sandbox/conekta/seed";
import { CONEKTA_API_VERSIONS } from "@/lib/sandbox/conekta/versions";
import {
  present,
  recordProviderCalls,
  SANDBOX_TEST_KEYS,
  useSandbox,
  type SentRequest,
} from "@/lib/testing/sandbox";
import { createConektaAdapter } from "./adapter";

/**
 * Every request the Conekta adapter sends is checked against the vendored spec of its API version
 * (2.1.0, or the current spec for 2.2.0), and for the things the spec leaves loose: the version in
 * Accept, the language, and the child company header on every call for a child company (the spec
 * declares it on only some operations).
 */
describe.each(CONEKTA_API_VERSIONS)("Conekta adapter requests at API %s", (version) => {
  const sandbox = useSandbox();
  let recorder: ReturnType<typeof recordProviderCalls>;

  // Reading and compiling the 16,000-line spec takes a second or two: once per file.
  beforeAll(() => void loadConektaSpec(true, version), 20_000);

  beforeEach(() => {
    sandbox().reset();
    recorder = recordProviderCalls(`${sandbox().url}/conekta/`);
  });
  afterEach(() => recorder.restore());

  const adapter = () =>
    createConektaAdapter({
      apiKey: SANDBOX_TEST_KEYS.conektaApiKey,
      apiBase: `${sandbox().url}/conekta`,
      apiVersion: version,
      timeoutMs: 2000,
      ping: { followMs: 3000, pollMs: 100 },
    });

  /** Create with events, list (search, two pages and back), get, update, count, delete, ping. */
  async function callEverything(account: string, language: Language, pingId: string) {
    const conekta = adapter();
    const scope = { account, language };
    // The spec's URL pattern refuses loopback, so this one points elsewhere.
    const created = await conekta.createWebhook(scope, {
      url: "https://example.com/contract",
      events: ["order.paid", "charge.paid"],
    });
    await conekta.listWebhooks({ ...scope, limit: 5, q: "example.com" });
    const first = await conekta.listWebhooks({ ...scope, limit: 1 });
    const second = await conekta.listWebhooks({
      ...scope,
      limit: 1,
      cursor: present(first.page.next, "next cursor"),
    });
    await conekta.listWebhooks({
      ...scope,
      limit: 1,
      cursor: present(second.page.previous, "previous cursor"),
    });
    await conekta.getWebhook(scope, created.id);
    await conekta.updateWebhook(scope, created.id, { url: "https://example.com/contract-2" });
    await conekta.countWebhooks(scope);
    await conekta.deleteWebhook(scope, created.id);
    const ping = await conekta.pingWebhook({ ...scope, id: pingId });
    expect(ping.outcome).toBe("delivered");
  }

  function operationOf(request: SentRequest): string {
    const path = request.url.pathname.replace(/^\/conekta/, "");
    return `${request.method} ${findConektaPathTemplate(path) ?? path}`;
  }

  function expectValidForTheSpec(requests: SentRequest[]) {
    for (const request of requests) {
      const operation = operationOf(request);
      const [method = "", template = ""] = operation.split(" ");
      const result = validateConektaRequest(
        method,
        template,
        {
          headers: request.headers,
          query: request.url.searchParams,
          body: request.body === undefined ? undefined : (JSON.parse(request.body) as unknown),
        },
        { version },
      );
      expect(result.errors, operation).toEqual([]);
      expect(request.headers.accept, operation).toBe(`application/vnd.conekta-v${version}+json`);
      expect(request.headers.authorization, operation).toBe(
        `Bearer ${SANDBOX_TEST_KEYS.conektaApiKey}`,
      );
    }
  }

  function bodiesOf(operation: string) {
    return recorder.sent
      .filter((r) => operationOf(r) === operation)
      .map((r) => (r.body === undefined ? undefined : (JSON.parse(r.body) as unknown)));
  }

  function expectWellFormedBodies() {
    if (version === "2.1.0") {
      // 2.1.0's create takes {url, synchronous}, both required, and nothing else.
      expect(bodiesOf("POST /webhooks")).toEqual([
        { url: "https://example.com/contract", synchronous: false },
      ]);
      // Update: the events, then the URL; each carries url and synchronous.
      expect(bodiesOf("PUT /webhooks/{id}")).toEqual([
        {
          url: "https://example.com/contract",
          synchronous: false,
          events: ["order.paid", "charge.paid"],
        },
        { url: "https://example.com/contract-2", synchronous: false },
      ]);
    } else {
      // 2.2+ creates with its events in one call and has no `synchronous`.
      expect(bodiesOf("POST /webhooks")).toEqual([
        { url: "https://example.com/contract", subscribed_events: ["order.paid", "charge.paid"] },
      ]);
      expect(bodiesOf("PUT /webhooks/{id}")).toEqual([{ url: "https://example.com/contract-2" }]);
    }
    // A strict server answers a test with a body with 415.
    const tests = recorder.sent.filter((r) => operationOf(r) === "POST /webhooks/{id}/test");
    expect(tests).toHaveLength(1);
    expect(tests[0]?.body).toBeUndefined();
    expect(tests[0]?.headers).not.toHaveProperty("content-type");
  }

  const everyOperation = [
    "GET /webhooks",
    "POST /webhooks",
    "GET /webhooks/{id}",
    "PUT /webhooks/{id}",
    "DELETE /webhooks/{id}",
    "POST /webhooks/{id}/test",
    "GET /events",
  ];

  it("sends only spec-valid requests for a child company, each with X-Child-Company-Id", async () => {
    const child = CONEKTA_SEED.otherChildId;
    await callEverything(child, "en", CONEKTA_SEED.webhooks.otherChildOk);

    const operations = new Set(recorder.sent.map(operationOf));
    expect([...operations].sort()).toEqual([...everyOperation].sort());
    expectValidForTheSpec(recorder.sent);
    expectWellFormedBodies();
    for (const request of recorder.sent) {
      expect(request.headers["x-child-company-id"], operationOf(request)).toBe(child);
      expect(request.headers["accept-language"], operationOf(request)).toBe("en");
    }
  });

  it("sends only spec-valid requests for the holding, without X-Child-Company-Id", async () => {
    await callEverything("default", "es", CONEKTA_SEED.webhooks.parentOk);
    const conekta = adapter();
    const accounts = await conekta.listAccounts({ language: "es", q: "a" });
    await conekta.listAccounts({
      language: "es",
      q: "a",
      cursor: present(accounts.page.next, "next cursor"),
    });

    const operations = new Set(recorder.sent.map(operationOf));
    // The holding is named by `GET /companies/current`, matched as `/companies/{id}`.
    expect([...operations].sort()).toEqual(
      [...everyOperation, "GET /companies", "GET /companies/{id}"].sort(),
    );
    expectValidForTheSpec(recorder.sent);
    expectWellFormedBodies();
    for (const request of recorder.sent) {
      expect(request.headers, operationOf(request)).not.toHaveProperty("x-child-company-id");
      expect(request.headers["accept-language"], operationOf(request)).toBe("es");
    }
  });
});
