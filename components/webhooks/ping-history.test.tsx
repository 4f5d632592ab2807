import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { IntlProvider } from "use-intl";
import { describe, expect, it } from "vitest";
import type { Language } from "@/lib/http/language";
import { messages } from "@/lib/i18n/messages";
import type { PingSummary, Webhook } from "@/lib/webhooks/model";
import { webhookQueries } from "@/lib/webhooks/queries";
import { LastPing } from "./last-ping";
import { PingHistory } from "./ping-history";

// Rendered to HTML on the server (no DOM library here): what a person reads in each language.
const NOW = new Date("2026-05-04T12:00:00.000Z");

function render(node: ReactNode, language: Language = "en", client = new QueryClient()) {
  return renderToStaticMarkup(
    <IntlProvider locale={language} messages={messages[language]} timeZone="UTC" now={NOW}>
      <QueryClientProvider client={client}>{node}</QueryClientProvider>
    </IntlProvider>,
  )
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const ping = (overrides: Partial<PingSummary> = {}): PingSummary => ({
  outcome: "delivered",
  httpStatus: 200,
  latencyMs: 41.6,
  messageCode: "delivered",
  messageValues: { status: 200 },
  at: "2026-05-04T11:58:00.000Z",
  by: "ana@example.test",
  ...overrides,
});

describe("Last ping", () => {
  it("says Never for a webhook never pinged", () => {
    expect(render(<LastPing ping={undefined} />)).toContain("Never");
    expect(render(<LastPing ping={undefined} />, "es")).toContain("Nunca");
  });

  it("shows the outcome and how long ago, in the user's language", () => {
    expect(render(<LastPing ping={ping()} />)).toContain("Delivered 2 minutes ago");
    expect(render(<LastPing ping={ping({ outcome: "error" })} />, "es")).toContain(
      "Error hace 2 minutos",
    );
  });
});

describe("Recent pings", () => {
  const webhook = { id: "wh_1" } as Webhook;
  function withData(pings: PingSummary[]) {
    const client = new QueryClient();
    client.setQueryData(webhookQueries.detail("razorpay", "acc_1", "wh_1").queryKey, webhook);
    client.setQueryData(webhookQueries.pings("razorpay", "acc_1", "wh_1").queryKey, pings);
    return client;
  }
  const history = (language: Language, pings: PingSummary[]) =>
    render(
      <PingHistory provider="razorpay" account="acc_1" id="wh_1" />,
      language,
      withData(pings),
    );

  it("lists who sent each ping, its outcome, status, latency and translated message", () => {
    const html = history("en", [
      ping(),
      ping({
        outcome: "failed",
        httpStatus: null,
        latencyMs: null,
        messageCode: "timed_out",
        messageValues: { seconds: 5 },
        by: "bea@example.test",
      }),
    ]);
    expect(html).toContain("Recent pings");
    expect(html).toContain("When Who Outcome HTTP status Latency Message");
    expect(html).toContain(
      "2 minutes ago ana@example.test Delivered 200 42 ms The endpoint answered HTTP 200.",
    );
    expect(html).toContain("bea@example.test Failed — — The endpoint did not answer within 5 s");
  });

  it("says so when there is none yet, in Spanish too", () => {
    expect(history("en", [])).toContain("No pings yet");
    expect(history("es", [])).toContain("Pings recientes Los últimos 20");
    expect(history("es", [])).toContain("Aún no hay pings");
  });

  it("shows nothing for a webhook that did not load", () => {
    expect(render(<PingHistory provider="razorpay" account="acc_1" id="wh_1" />)).toBe("");
  });
});
