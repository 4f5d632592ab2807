import { z } from "zod";
import { providerParams } from "@/lib/http/params";
import { parseQuery, route } from "@/lib/http/route";
import { listAccounts } from "@/lib/webhooks/service";

const querySchema = z.object({
  q: z.string().max(200, "must be at most 200 characters").optional(),
  cursor: z.string().max(2000).optional(),
});

// GET /api/{provider}/accounts?q=&cursor=: the accounts this user may open, searched and paged
export const GET = route(
  providerParams,
  { permission: "webhooks:read" },
  async ({ req, params, language, user }) => {
    const { q, cursor } = parseQuery(req, querySchema);
    return listAccounts(params.provider, { q, cursor, language }, user);
  },
);
