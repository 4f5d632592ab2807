import { userParams } from "@/lib/http/params";
import { parseBody, route } from "@/lib/http/route";
import { replaceGrantsSchema } from "@/lib/users/model";
import { updateConsoleUser } from "@/lib/users/service";

// PUT /api/users/{id}/accounts: replace the user's account grants, each checked at its provider
export const PUT = route(
  userParams,
  { permission: "users:manage" },
  async ({ req, params, actor, language }) =>
    updateConsoleUser(params.id, await parseBody(req, replaceGrantsSchema), actor, language),
);
