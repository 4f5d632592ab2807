import { NextResponse } from "next/server";
import { z } from "zod";
import { accountParams } from "@/lib/http/params";
import { parseBody, parseQuery, route } from "@/lib/http/route";
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
  ({ req, params, language }) =>
    listWebhooks(params.provider, {
      account: params.account,
      language,
      ...parseQuery(req, listQuery),
    }),
);

// POST /api/{provider}/{account}/webhooks: register a webhook (201)
export const POST = route(
  accountParams,
  { permission: "webhooks:write" },
  async ({ req, params, language, actor }) => {
    const body: unknown = await parseBody(req, z.unknown());
    const webhook = await createWebhook(
      params.provider,
      { account: params.account, language },
      body,
      actor,
    );
    return NextResponse.json(webhook, { status: 201 });
  },
);
