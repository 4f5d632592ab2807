import { NextResponse } from "next/server";
import { z } from "zod";
import { accountParams } from "@/lib/http/params";
import { errorReply, parseBody, parseQuery, route } from "@/lib/http/route";
import { idempotencyKeyOf, idempotent } from "@/lib/webhooks/idempotency";
import { createWebhook, listWebhooks } from "@/lib/webhooks/service";

const listQuery = z.object({
  q: z.string().max(200, "must be at most 200 characters").optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1, "must be at least 1")
    .max(100, "must be at most 100")
    .default(20),
  cursor: z.string().max(2000).optional(),
  from: z.coerce.number().int().min(0).optional(),
  to: z.coerce.number().int().min(0).optional(),
});

// GET /api/{provider}/{account}/webhooks?q=&limit=&cursor=: a page of webhooks, with the count against the limit
export const GET = route(
  accountParams,
  { permission: "webhooks:read" },
  ({ req, params, language, requestId }) =>
    listWebhooks(
      params.provider,
      { account: params.account, language, ...parseQuery(req, listQuery) },
      requestId,
    ),
);

// POST /api/{provider}/{account}/webhooks: register a webhook (201); with an Idempotency-Key, a
// repeat gets the first reply again instead of a second webhook
export const POST = route(
  accountParams,
  { permission: "webhooks:write" },
  async ({ req, params, language, actor, user, requestId }) => {
    const key = idempotencyKeyOf(req.headers);
    const body: unknown = await parseBody(req, z.unknown());
    const create = async () =>
      NextResponse.json(
        await createWebhook(params.provider, { account: params.account, language }, body, actor),
        { status: 201 },
      );
    if (key === null) return create();
    return idempotent({ key, userId: user.id, ...params, body, requestId }, create, (error) =>
      errorReply(error, requestId, language),
    );
  },
);
