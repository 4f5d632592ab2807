// @vitest-environment jsdom
import { act, renderHook, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { makeTestQueryClient, makeWebhook, makeWrapper, stubApi } from "@/lib/testing/render";
import { useCreateWebhook, useDeleteWebhook } from "./mutations";
import { webhookQueries, type WebhookList } from "./queries";

const webhook = (id: string) => makeWebhook({ id, url: `https://example.test/${id}` });

const page = (ids: string[]): WebhookList => ({
  data: ids.map(webhook),
  page: { next: null, previous: null, hasMore: false },
  quota: { used: ids.length, max: 10 },
  lastPings: {},
  eventTotal: 66,
});

const listKey = webhookQueries.list("conekta", "default", {}).queryKey;
const detailKey = webhookQueries.detail("conekta", "default", "wh_1").queryKey;

function setUp() {
  const client = makeTestQueryClient();
  client.setQueryData(listKey, page(["wh_1", "wh_2"]));
  client.setQueryData(detailKey, webhook("wh_1"));
  return { client, wrapper: makeWrapper({ client }) };
}

afterEach(() => vi.unstubAllGlobals());

describe("creating a webhook", () => {
  it("marks the lists stale even when the create half-succeeded", async () => {
    stubApi({
      "POST /api/conekta/default/webhooks": {
        status: 502,
        body: {
          error: {
            code: "provider_error",
            message: "The webhook was created without its events.",
            requestId: "req_1",
            webhook: webhook("wh_3"),
          },
        },
      },
    });
    const { client, wrapper } = setUp();
    const { result } = renderHook(() => useCreateWebhook("conekta", "default"), { wrapper });

    await act(() =>
      result.current
        .mutateAsync({
          input: { url: "https://example.test/wh_3", events: ["order.paid"] },
          idempotencyKey: "key-1",
        })
        .catch(() => undefined),
    );

    expect(client.getQueryState(listKey)?.isInvalidated).toBe(true);
  });
});

describe("deleting a webhook", () => {
  it("takes the row off the cached list before the server answers", async () => {
    let answer: (reply: { status: number }) => void = () => undefined;
    stubApi({
      "DELETE /api/conekta/default/webhooks/wh_1": () =>
        new Promise((resolve) => (answer = resolve)),
    });
    const { client, wrapper } = setUp();
    const { result } = renderHook(() => useDeleteWebhook("conekta", "default"), { wrapper });

    act(() => void result.current.mutate({ id: "wh_1" }));

    await waitFor(() =>
      expect(client.getQueryData<WebhookList>(listKey)?.data.map((w) => w.id)).toEqual(["wh_2"]),
    );
    expect(client.getQueryData<WebhookList>(listKey)?.quota.used).toBe(1);
    act(() => answer({ status: 204 }));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
  });

  it("forgets the deleted webhook's detail and marks the lists stale", async () => {
    stubApi({ "DELETE /api/conekta/default/webhooks/wh_1": { status: 204 } });
    const { client, wrapper } = setUp();
    const { result } = renderHook(() => useDeleteWebhook("conekta", "default"), { wrapper });

    await act(() => result.current.mutateAsync({ id: "wh_1" }));

    expect(client.getQueryData(detailKey)).toBeUndefined();
    expect(client.getQueryState(listKey)?.isInvalidated).toBe(true);
  });

  it("puts the row back when the delete fails", async () => {
    stubApi({
      "DELETE /api/conekta/default/webhooks/wh_1": {
        status: 502,
        body: { error: { code: "provider_error", message: "Provider down", requestId: "req_2" } },
      },
    });
    const { client, wrapper } = setUp();
    const { result } = renderHook(() => useDeleteWebhook("conekta", "default"), { wrapper });

    await act(() => result.current.mutateAsync({ id: "wh_1" }).catch(() => undefined));

    expect(client.getQueryData<WebhookList>(listKey)).toEqual(page(["wh_1", "wh_2"]));
    expect(client.getQueryData(detailKey)).toEqual(webhook("wh_1"));
  });
});
