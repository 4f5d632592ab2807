import { z } from "zod";
import { webhookParams } from "@/lib/http/params";
import { parseBody, route } from "@/lib/http/route";
import { deleteWebhook, getWebhook, updateWebhook } from "@/lib/webhooks/service";

// GET /api/{provider}/{account}/webhooks/{id}: one webhook
export const GET = route(webhookParams, { permission: "webhooks:read" }, ({ params, language }) =>
  getWebhook(params.provider, { account: params.account, language }, params.id),
);

// PATCH /api/{provider}/{account}/webhooks/{id}: edit URL, events and provider fields
export const PATCH = route(
  webhookParams,
  { permission: "webhooks:write" },
  async ({ req, params, language, actor }) => {
    const body: unknown = await parseBody(req, z.unknown());
    return updateWebhook(
      params.provider,
      { account: params.account, language },
      params.id,
      body,
      actor,
    );
  },
);

// DELETE /api/{provider}/{account}/webhooks/{id}: remove a webhook (204)
export const DELETE = route(
  webhookParams,
  { permission: "webhooks:write" },
  async ({ params, language, actor }) => {
    await deleteWebhook(params.provider, { account: params.account, language }, params.id, actor);
    return null;
  },
);
