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
    // Any body is read, whatever its headers say: a chunked one has no Content-Length (and the
    // route wrapper already refused one declared as anything but JSON). An empty body is no secret.
    const hasBody = req.body !== null && (await req.clone().text()).trim() !== "";
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
