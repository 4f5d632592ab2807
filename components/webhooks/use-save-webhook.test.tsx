// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { makeTestQueryClient, makeWebhook, makeWrapper, stubApi } from "@/lib/testing/render";
import type { Webhook } from "@/lib/webhooks/model";
import { webhookQueries } from "@/lib/webhooks/queries";
import type { WebhookFormValues } from "@/lib/webhooks/schemas";
import { useSaveWebhook } from "./use-save-webhook";

const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push }) }));
vi.mock("@/components/ui/toast", () => ({ toast: { success: vi.fn(), error: vi.fn() } }));

const saved = (overrides: Partial<Webhook> = {}) => makeWebhook({ id: "wh_9", ...overrides });

const typed: WebhookFormValues = {
  url: "https://example.test/hook",
  events: ["order.paid"],
  alertEmail: "",
  secret: "",
  active: true,
};

const COLLECTION = "/api/conekta/default/webhooks";

function renderSave(webhook?: Webhook) {
  const client = makeTestQueryClient();
  const hook = renderHook(
    () => {
      const form = useForm<WebhookFormValues>({ defaultValues: typed });
      return {
        form,
        save: useSaveWebhook({ provider: "conekta", account: "default", webhook, form }),
      };
    },
    { wrapper: makeWrapper({ client }) },
  );
  const submit = () => act(() => hook.result.current.save.onSubmit());
  return { ...hook, client, submit };
}

/** The JSON bodies sent to `METHOD path`, in order. */
function bodiesOf(spy: ReturnType<typeof stubApi>, method: string, path: string) {
  return spy.mock.calls
    .filter(([url, init]) => url === path && (init?.method ?? "GET") === method)
    .map(([, init]) => JSON.parse(typeof init?.body === "string" ? init.body : "null") as unknown);
}

/** The Idempotency-Key of each `METHOD path` request, in order. */
function keysOf(spy: ReturnType<typeof stubApi>, method: string, path: string) {
  return spy.mock.calls
    .filter(([url, init]) => url === path && (init?.method ?? "GET") === method)
    .map(([, init]) => new Headers(init?.headers).get("idempotency-key"));
}

beforeEach(() => vi.clearAllMocks());
afterEach(() => vi.unstubAllGlobals());

describe("saving the webhook form", () => {
  it("creates the webhook, says so and goes back to the list", async () => {
    const api = stubApi({ [`POST ${COLLECTION}`]: { status: 201, body: saved() } });
    const { client, submit } = renderSave();

    await submit();

    expect(bodiesOf(api, "POST", COLLECTION)).toEqual([
      { url: "https://example.test/hook", events: ["order.paid"] },
    ]);
    expect(toast.success).toHaveBeenCalledWith("Webhook created");
    expect(push).toHaveBeenCalledWith("/conekta/default/webhooks");
    expect(
      client.getQueryData(webhookQueries.detail("conekta", "default", "wh_9").queryKey),
    ).toEqual(saved());
  });

  it("sends one create for two submits at once (Enter pressed twice) and none after it saved", async () => {
    const api = stubApi({ [`POST ${COLLECTION}`]: { status: 201, body: saved() } });
    const { result } = renderSave();

    await act(() => Promise.all([result.current.save.onSubmit(), result.current.save.onSubmit()]));
    await act(() => result.current.save.onSubmit());

    expect(bodiesOf(api, "POST", COLLECTION)).toHaveLength(1);
  });

  it("keeps the browser from submitting the form itself, also for a press that sends nothing", async () => {
    stubApi({ [`POST ${COLLECTION}`]: { status: 201, body: saved() } });
    const { result } = renderSave();
    const press = () => {
      const event = { preventDefault: vi.fn(), persist: vi.fn() };
      return { event, done: result.current.save.onSubmit(event as never) };
    };
    const first = press();
    const second = press(); // while the first is in flight
    await act(() => Promise.all([first.done, second.done]));
    const third = press(); // after it saved, as the page leaves
    await act(() => third.done);
    // Otherwise the browser's GET submission reloads the form with the URL in the address bar.
    for (const { event } of [first, second, third]) expect(event.preventDefault).toHaveBeenCalled();
  });

  it("sends one Idempotency-Key per submission: the same on a retry after a failure, a new one once the form changed", async () => {
    const failed = {
      status: 502,
      body: {
        error: { code: "provider_error", message: "Conekta failed.", requestId: "req_3" },
      },
    };
    const api = stubApi({ [`POST ${COLLECTION}`]: failed });
    const { result, submit } = renderSave();

    await submit();
    await submit();
    act(() => result.current.form.setValue("url", "https://example.test/other"));
    await submit();

    const keys = keysOf(api, "POST", COLLECTION);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it("puts the server's field errors on their fields and keeps what was typed", async () => {
    stubApi({
      [`POST ${COLLECTION}`]: {
        status: 422,
        body: {
          error: {
            code: "invalid_fields",
            message: "Some fields are invalid.",
            fields: { url: ["The provider refuses this URL."], unknown: ["ignored"] },
            requestId: "req_1",
          },
        },
      },
    });
    const { result, submit } = renderSave();

    await submit();

    expect(result.current.form.getFieldState("url").error?.message).toBe(
      "The provider refuses this URL.",
    );
    expect(result.current.form.getValues()).toEqual(typed);
    expect(toast.error).toHaveBeenCalledWith("Could not save: Some fields are invalid.");
    expect(push).not.toHaveBeenCalled();
  });

  it("after a half-successful create, only retries the events on the webhook that exists", async () => {
    const orphan = saved({ id: "wh_orphan", events: [] });
    const api = stubApi({
      [`POST ${COLLECTION}`]: {
        status: 502,
        body: {
          error: {
            code: "provider_error",
            message: "The webhook was created without its events.",
            requestId: "req_2",
            webhook: orphan,
          },
        },
      },
      [`PATCH ${COLLECTION}/wh_orphan`]: { body: saved({ id: "wh_orphan" }) },
    });
    const { result, submit } = renderSave();

    await submit();
    expect(result.current.save.orphan).toEqual(orphan);
    expect(push).not.toHaveBeenCalled();

    await submit();
    expect(bodiesOf(api, "POST", COLLECTION)).toHaveLength(1);
    expect(bodiesOf(api, "PATCH", `${COLLECTION}/wh_orphan`)).toEqual([{ events: ["order.paid"] }]);
    expect(toast.success).toHaveBeenCalledWith("Webhook created");
    expect(push).toHaveBeenCalledWith("/conekta/default/webhooks");
  });

  it("edits an existing webhook in place", async () => {
    const api = stubApi({ [`PATCH ${COLLECTION}/wh_9`]: { body: saved() } });
    const { submit } = renderSave(saved({ events: ["order.created"] }));

    await submit();

    expect(bodiesOf(api, "PATCH", `${COLLECTION}/wh_9`)).toEqual([
      { url: "https://example.test/hook", events: ["order.paid"] },
    ]);
    expect(toast.success).toHaveBeenCalledWith("Webhook saved");
  });
});
