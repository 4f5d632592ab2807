import { webhookParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";
import { listPingHistory } from "@/lib/webhooks/service";

// GET /api/{provider}/{account}/webhooks/{id}/pings: the webhook's last 20 pings, newest first
export const GET = route(
  webhookParams,
  { permission: "webhooks:read" },
  async ({ params, language }) => ({
    data: await listPingHistory(params.provider, { account: params.account, language }, params.id),
  }),
);
