import { z } from "zod";
import { AppError } from "@/lib/http/errors";
import type { AdapterContext } from "@/lib/providers/registry";
import {
  callProvider,
  createProviderSender,
  splitApiBase,
  type ProviderRequest,
} from "@/lib/providers/request";
import type { ProviderAdapter } from "@/lib/providers/types";
import type { Account, Webhook } from "@/lib/webhooks/model";
import { fakepayDescriptor } from "./descriptor";
import type { FakepayConfig } from "./env";

const hookSchema = z.object({ id: z.string(), url: z.string(), topics: z.array(z.string()) });
const MAIN: Account = { id: "main", name: "FakePay main account", provider: "fakepay" };

/** FakePay's adapter: its raw hooks become the console's Webhook here, and nowhere else. */
export function createFakepayAdapter(
  config: FakepayConfig,
  context: AdapterContext,
): ProviderAdapter {
  const send = createProviderSender(context.timeoutMs);
  const { origin, prefix } = splitApiBase(config.apiBase);

  function request<S extends z.ZodType>(
    schema: S,
    method: ProviderRequest["method"],
    path: string,
    body?: unknown,
  ) {
    return callProvider("FakePay", async () => {
      const reply = await send({
        method,
        origin,
        path: `${prefix}${path}`,
        headers: {
          authorization: `Bearer ${config.apiKey}`,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (reply.status === 404) throw new AppError("not_found", "FakePay has no such webhook.");
      if (!reply.ok)
        throw new AppError("provider_error", `FakePay answered ${reply.status}`, {
          provider: { status: reply.status, code: null, message: null },
        });
      return schema.parse(reply.status === 204 ? {} : JSON.parse(reply.text));
    });
  }

  const toWebhook = (hook: z.infer<typeof hookSchema>): Webhook => ({
    id: hook.id,
    provider: "fakepay",
    account: MAIN.id,
    url: hook.url,
    events: hook.topics,
    active: null,
    status: null,
    hasSecret: null,
    alertEmail: null,
    createdAt: null,
    updatedAt: null,
  });

  function assertAccount({ account }: { account: string }): Promise<void> {
    return account === MAIN.id
      ? Promise.resolve()
      : Promise.reject(
          AppError.of("not_found", "grantUnknownAccount", { provider: "FakePay", account }),
        );
  }

  const listRaw = async (q = "") =>
    (
      await request(
        z.object({ hooks: z.array(hookSchema) }),
        "GET",
        `/hooks?search=${encodeURIComponent(q)}`,
      )
    ).hooks;

  return {
    id: fakepayDescriptor.id,
    displayName: fakepayDescriptor.displayName,
    webhookLimit: fakepayDescriptor.limits.webhooksPerAccount,
    listAccounts: () =>
      Promise.resolve({ data: [MAIN], page: { next: null, previous: null, hasMore: false } }),
    assertAccount,
    getAccount: async (scope) => {
      await assertAccount(scope);
      return MAIN;
    },
    eventCatalogue: () => [{ id: "payments", events: ["payment.made", "payment.lost"] }],
    listWebhooks: async ({ q, limit }) => ({
      data: (await listRaw(q)).slice(0, limit).map(toWebhook),
      page: { next: null, previous: null, hasMore: false },
    }),
    countWebhooks: async () => (await listRaw()).length,
    getWebhook: async (_scope, id) => toWebhook(await request(hookSchema, "GET", `/hooks/${id}`)),
    createWebhook: async (_scope, input) =>
      toWebhook(
        await request(hookSchema, "POST", "/hooks", { url: input.url, topics: input.events }),
      ),
    updateWebhook: async (_scope, id, input) =>
      toWebhook(
        await request(hookSchema, "PATCH", `/hooks/${id}`, {
          ...(input.url === undefined ? {} : { url: input.url }),
          ...(input.events === undefined ? {} : { topics: input.events }),
        }),
      ),
    deleteWebhook: async (_scope, id) => {
      await request(z.object({}), "DELETE", `/hooks/${id}`);
    },
    pingWebhook: async ({ id }) => {
      const started = Date.now();
      const { answered } = await request(
        z.object({ answered: z.number() }),
        "POST",
        `/hooks/${id}/ping`,
      );
      return {
        outcome: answered < 300 ? "delivered" : "failed",
        httpStatus: answered,
        latencyMs: Date.now() - started,
        messageCode: answered < 300 ? "delivered" : "failed_status",
        messageValues: { status: answered },
        at: new Date().toISOString(),
      };
    },
  };
}
