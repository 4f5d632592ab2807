// A change must come from the console's own origin with a JSON body (access-harness.ts): a
// cross-site request, or one a form could send, is refused before it reaches the provider.
import { describe, expect, it, vi } from "vitest";
import { getProvider } from "@/lib/providers/registry";
import { envelope, send } from "@/lib/testing/routes";
import * as webhooksRoute from "./[provider]/[account]/webhooks/route";
import {
  ACCOUNTS,
  providers,
  scoped,
  successOf,
  withAccessConsole,
  type TestProvider,
} from "./access-harness";

// The console's configuration, pointed at this file's sandbox once it listens.
vi.mock("@/lib/env", async (importOriginal) =>
  (await import("@/lib/testing/env-mock")).withTestEnv(importOriginal),
);

const { cookies, counted, receiverUrl, createFixture, removeFixture, requestOf } =
  withAccessConsole();

/** The webhooks' URLs at the sandbox itself, asked without the console. */
async function urlsAtSandbox(provider: TestProvider, account: string): Promise<string[]> {
  const page = await getProvider(provider).listWebhooks({ account, language: "en", limit: 100 });
  return page.data.map((w) => w.url);
}

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
