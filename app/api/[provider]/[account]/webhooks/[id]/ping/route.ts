import { z } from "zod";
import { webhookParams } from "@/lib/http/params";
import { parseBody, route } from "@/lib/http/route";
import { pingWebhook } from "@/lib/webhooks/service";

// The secret, when given, only signs this one ping: it is neither stored nor logged.
const pingBody = z.object({ secret: z.string().min(1).max(200).optional() }).strict();

// POST /api/{provider}/{account}/webhooks/{id}/ping: send a test ping and report what happened
export const POST = route(
  webhookParams,
  { permission: "webhooks:ping" },
  async ({ req, params, language, actor }) => {
    // The route wrapper refused any body that is not declared JSON, chunked ones included.
    const hasBody = req.headers.has("content-type");
    const { secret } = hasBody ? await parseBody(req, pingBody) : {};
    return pingWebhook(
      params.provider,
      { account: params.account, language },
      params.id,
      secret,
      actor,
    );
  },
);
