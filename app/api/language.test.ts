// Bug 5 "English text reaches Spanish users", at the console API: query-parameter errors (c) and
// the reason of a create whose events could not be saved (b) are in the user's language, chosen by
// Accept-Language or the console's language cookie. Ping messages (a) are in ping.test.ts.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { withTestDatabase } from "@/lib/db/testing";
import { setTestEnv } from "@/lib/testing/env-mock";
import { translateError } from "@/lib/http/errors";
import type { Language } from "@/lib/http/language";
import { messages } from "@/lib/i18n/messages";
import { getProvider } from "@/lib/providers/registry";
import {
  consoleOnSandbox,
  envelope,
  sandboxControl,
  send,
  sessionCookie,
} from "@/lib/testing/routes";
import { SANDBOX_TEST_KEYS } from "@/lib/testing/sandbox";
import { base, listCall } from "./webhooks-harness";
import * as webhooksRoute from "./[provider]/[account]/webhooks/route";

vi.mock("@/lib/env", async (importOriginal) =>
  (await import("@/lib/testing/env-mock")).withTestEnv(importOriginal),
);

// The database first: the sandbox's set-up seeds the demo users into it.
withTestDatabase("pglite");
const sandbox = consoleOnSandbox(setTestEnv, { keys: SANDBOX_TEST_KEYS });
const control = sandboxControl(() => sandbox().url);

const providers = ["conekta", "razorpay"] as const;
const ACCOUNTS = {
  conekta: { own: "6595f5005eed000000000004" },
  razorpay: { own: "acc_Ha6Vb2QzPQ9x1K" },
} as const;
const cookies = { admin: "" };

beforeAll(async () => {
  cookies.admin = await sessionCookie("admin@sandbox.test");
});

const list = (provider: string, account: string, query = "") =>
  listCall(provider, account, query, cookies.admin);

const errorsIn = (language: Language) => messages[language].errors;

describe("a bad query parameter is answered in the user's language", () => {
  const languageRows = providers.flatMap((provider) =>
    (
      [
        ["Accept-Language: es", { "accept-language": "es-MX,es;q=0.9,en;q=0.5" }],
        ["the language cookie", { "accept-language": "en", cookie: "console-language=es" }],
      ] as const
    ).map(([how, headers]) => ({ provider, how, headers })),
  );

  it.each(languageRows)("$provider, limit=0 with $how → Spanish", async ({ provider, headers }) => {
    const call = list(provider, ACCOUNTS[provider].own, "?limit=0");
    const cookie = "cookie" in headers ? `${call.cookie}; ${headers.cookie}` : call.cookie;
    const response = await send({
      ...call,
      cookie,
      headers: { "accept-language": headers["accept-language"] },
    });
    expect(response.status).toBe(400);
    const { message } = await envelope(response);
    expect(message).toBe(
      errorsIn("es").queryTooSmall.replace("{name}", "limit").replace("{min}", "1"),
    );
    expect(message).not.toContain("must be");
  });

  it.each([
    ["?limit=0", "queryTooSmall"],
    ["?limit=101", "queryTooLarge"],
    ["?limit=abc", "queryInvalid"],
    [`?q=${"x".repeat(201)}`, "queryTooLong"],
    ["?cursor=eyJ0YW1wZXJlZCI6dHJ1ZX0", "cursorInvalid"],
  ] as const)("%s names its problem in Spanish (%s), and in English", async (query, key) => {
    for (const language of ["es", "en"] as const) {
      const response = await send({
        ...list("razorpay", ACCOUNTS.razorpay.own, query),
        headers: { "accept-language": language },
      });
      expect(response.status).toBe(400);
      const { message } = await envelope(response);
      const template = errorsIn(language)[key];
      const fixed = template.split(/\{[^}]+\}/).filter(Boolean);
      for (const part of fixed) expect(message).toContain(part);
      if (key !== "cursorInvalid") expect(message).toContain(query.slice(1).split("=")[0]);
    }
  });

  it("a NextRequest without any language header falls back to English", async () => {
    const req = new NextRequest(
      `http://console.test${base("razorpay", ACCOUNTS.razorpay.own)}?limit=0`,
      {
        headers: { cookie: cookies.admin },
      },
    );
    const response = await webhooksRoute.GET(req, {
      params: Promise.resolve({ provider: "razorpay", account: ACCOUNTS.razorpay.own }),
    });
    expect((await envelope(response)).message).toBe("Query parameter limit must be at least 1.");
  });
});

describe("bug 5 (b): a create whose events could not be saved says why in Spanish", () => {
  it("Conekta 2.1.0, the events' PUT fails → 502 whose message and reason are Spanish", async () => {
    const account = ACCOUNTS.conekta.own;
    const fault = await control.addFault({
      provider: "conekta",
      account,
      method: "PUT",
      path: "^/webhooks/",
      kind: "status",
      status: 500,
    });
    let createdId: string | undefined;
    try {
      const response = await send({
        handler: webhooksRoute.POST,
        method: "POST",
        path: base("conekta", account),
        params: { provider: "conekta", account },
        cookie: cookies.admin,
        headers: { "accept-language": "es" },
        body: JSON.stringify({
          url: `${sandbox().url}/receivers/ok/language-orphan`,
          events: ["order.paid"],
        }),
      });
      expect(response.status).toBe(502);
      const json = (await response.clone().json()) as { error: { webhook?: { id: string } } };
      createdId = json.error.webhook?.id;
      expect(createdId).toBeDefined();
      const error = await envelope(response);
      const reason = translateError(
        { key: "providerFailed", values: { provider: "Conekta", status: 500 } },
        "es",
      );
      expect(error.message).toBe(
        translateError({ key: "eventsNotSaved", values: { reason } }, "es"),
      );
      expect(error.message).not.toContain("failed to answer");
      expect(error.message).not.toContain("Try again");
    } finally {
      await control.removeFault(fault);
      if (createdId)
        await getProvider("conekta").deleteWebhook({ account, language: "en" }, createdId);
    }
  });

  it("the form's own notice of it has a Spanish text", () => {
    expect(messages.es.form.eventsNotSaved).toMatch(/\S/);
    expect(messages.es.form.eventsNotSaved).not.toBe(messages.en.form.eventsNotSaved);
    expect(messages.es.form.retryEvents).not.toBe(messages.en.form.retryEvents);
  });
});
