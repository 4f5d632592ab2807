// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import type { UrlUpdateEvent } from "nuqs/adapters/testing";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { makeWebhook, makeWrapper, stubApi } from "@/lib/testing/render";
import type { WebhookList } from "@/lib/webhooks/queries";
import { WebhooksView } from "./webhooks-view";

// The page's chrome needs Next's router; what is tested here is the list below it.
vi.mock("next/link", () => ({
  default: ({ href, children, ...rest }: { href: string; children: ReactNode }) => (
    <a href={href} {...rest}>
      {children}
    </a>
  ),
}));
vi.mock("@/components/accounts/account-switcher", () => ({ AccountSwitcher: () => null }));
const push = vi.hoisted(() => vi.fn());
vi.mock("next/navigation", () => ({ useRouter: () => ({ push }) }));

const emptyPage = (previous: string | null): WebhookList => ({
  data: [],
  page: { next: null, previous, hasMore: false },
  quota: { used: 6, max: 10 },
  lastPings: {},
  eventTotal: 66,
});

function renderList(
  searchParams: string,
  list: WebhookList,
  status = 200,
  currentAccount: { id: string; name: string; provider: string } | null = null,
) {
  stubApi({ "GET /api/conekta/default/webhooks": { body: list, status } });
  const updates: UrlUpdateEvent[] = [];
  render(
    <WebhooksView
      provider="conekta"
      providerName="Conekta"
      account="default"
      currentAccount={currentAccount}
    />,
    {
      wrapper: makeWrapper({ searchParams, onUrlUpdate: (event) => updates.push(event) }),
    },
  );
  return () => updates.map((u) => `${u.options.history} ${u.queryString}`);
}

afterEach(() => {
  cleanup();
  push.mockReset();
  vi.unstubAllGlobals();
});

describe("a later page whose last rows were deleted", () => {
  it("offers the way back instead of saying the account has no webhooks", async () => {
    const history = renderList("?cursor=c2", emptyPage("c1"));

    expect(await screen.findByText("No webhooks are left on this page.")).toBeTruthy();
    expect(screen.queryByText("No webhooks yet")).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Previous page" }));
    await vi.waitFor(() => expect(history()).toEqual(["push ?cursor=c1"]));
  });

  it("goes back to the first page, keeping the search", async () => {
    const history = renderList("?q=orders&cursor=c2", emptyPage(null));

    fireEvent.click(await screen.findByRole("button", { name: "Back to the first page" }));
    expect(screen.queryByRole("button", { name: "Previous page" })).toBeNull();
    await vi.waitFor(() => expect(history()).toEqual(["push ?q=orders"]));
  });
});

describe("an account without webhooks", () => {
  it("still says so on its first page, with the way to create one", async () => {
    renderList("", emptyPage(null));
    expect(await screen.findByText("No webhooks yet")).toBeTruthy();
    expect(screen.queryByText("No webhooks are left on this page.")).toBeNull();
  });
});

describe("the list's header and rows", () => {
  const page = (events: string[][]): WebhookList => ({
    ...emptyPage(null),
    data: events.map((names, i) => makeWebhook({ id: `wh_${i}`, events: names })),
    quota: { used: 7, max: 10 },
    eventTotal: 3,
  });

  it("names the account in the heading and says what the count is", async () => {
    renderList("", page([["a"]]), 200, {
      id: "6595f5005eed000000000004",
      name: "Panadería La Esperanza",
      provider: "conekta",
    });
    expect(await screen.findByText("7 of 10 webhooks used")).toBeTruthy();
    const heading = screen.getByRole("heading", { level: 1 });
    expect(heading.textContent).toBe("Webhooks · Panadería La Esperanza");
    expect(screen.getByRole("heading", { name: "Webhooks" })).toBe(heading);
  });

  it("says All events for a webhook subscribed to every event, and counts the others", async () => {
    renderList(
      "",
      page([
        ["a", "b", "c"],
        ["a", "b"],
      ]),
    );
    expect(await screen.findByText("All events (3)")).toBeTruthy();
    expect(screen.getByText("2 events")).toBeTruthy();
  });

  it("disables New webhook with the reason when the list failed to load", async () => {
    const failure = {
      error: { code: "provider_error", message: "Conekta failed", requestId: "r" },
    };
    renderList("", failure as unknown as WebhookList, 502);
    const button = await screen.findByRole("button", { name: "New webhook" });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    const reason = document.getElementById(button.getAttribute("aria-describedby") ?? "");
    expect(reason?.textContent).toBe(
      "The list did not load, so the limit cannot be checked. Try again first.",
    );
    expect(screen.queryByRole("link", { name: "New webhook" })).toBeNull();
  });
});

describe("the list's keyboard shortcuts", () => {
  const list: WebhookList = { ...emptyPage(null), data: [makeWebhook({ id: "wh_1" })] };
  const key = (key: string, target: Element = document.body) =>
    fireEvent.keyDown(target, { key, bubbles: true });

  it("focuses the search on /, and opens New on n", async () => {
    renderList("", list);
    const search = await screen.findByRole("searchbox", { name: "Search webhooks" });
    await screen.findByRole("table");
    key("/");
    expect(document.activeElement).toBe(search);
    search.blur();
    key("n");
    expect(push).toHaveBeenCalledWith("/conekta/default/webhooks/new");
  });

  it("are off while typing in a field", async () => {
    renderList("", list);
    const search = await screen.findByRole("searchbox", { name: "Search webhooks" });
    await screen.findByRole("table");
    search.focus();
    key("n", search);
    key("?", search);
    expect(push).not.toHaveBeenCalled();
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("lists themselves on ?", async () => {
    renderList("", list);
    await screen.findByRole("table");
    key("?");
    const dialog = await screen.findByRole("dialog", { name: "Keyboard shortcuts" });
    expect(dialog.textContent).toContain("Search webhooks");
    expect(dialog.textContent).toContain("New webhook");
  });

  it("do not open New at the provider's limit", async () => {
    renderList("", { ...list, quota: { used: 10, max: 10 } });
    await screen.findByRole("table");
    key("n");
    expect(push).not.toHaveBeenCalled();
  });
});

describe("Ping all", () => {
  const ids = ["wh_0", "wh_1", "wh_2", "wh_3", "wh_4", "wh_5"];
  const webhooks = ids.map((id) => makeWebhook({ id, url: `https://example.test/${id}` }));
  const firstPage: WebhookList = {
    ...emptyPage(null),
    data: webhooks.slice(0, 4),
    page: { next: "c2", previous: null, hasMore: true },
  };
  const secondPage: WebhookList = { ...emptyPage("c1"), data: webhooks.slice(4) };

  it("pings every webhook of the list, its later pages too, four at a time, each row as it comes", async () => {
    let listCalls = 0;
    let inFlight = 0;
    let most = 0;
    const pinged: string[] = [];
    const pingReply = (id: string) => async () => {
      pinged.push(id);
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 20));
      inFlight--;
      const outcome = id === "wh_5" ? "failed" : "delivered";
      const body = {
        outcome,
        httpStatus: outcome === "failed" ? 500 : 200,
        latencyMs: 12,
        messageCode: outcome === "failed" ? "failed_status" : "delivered",
        messageValues: { status: outcome === "failed" ? 500 : 200 },
        at: "2026-12-03T10:00:00.000Z",
        message: "m",
      };
      return { body };
    };
    stubApi({
      "GET /api/conekta/default/webhooks": () => ({
        body: listCalls++ === 0 ? firstPage : secondPage,
      }),
      ...Object.fromEntries(
        ids.map((id) => [`POST /api/conekta/default/webhooks/${id}/ping`, pingReply(id)]),
      ),
    });
    render(<WebhooksView provider="conekta" providerName="Conekta" account="default" />, {
      wrapper: makeWrapper(),
    });
    fireEvent.click(await screen.findByRole("button", { name: "Ping all" }));

    await vi.waitFor(() => expect(pinged.sort()).toEqual(ids));
    expect(most).toBe(4);
    await vi.waitFor(() =>
      expect(screen.getAllByText("Delivered").length).toBeGreaterThanOrEqual(4),
    );
    expect(screen.getByRole("button", { name: "Ping all" })).toBeTruthy();
  });
});
