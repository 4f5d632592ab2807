import { getDb } from "@/lib/db";
import { userParams } from "@/lib/http/params";
import { parseBody, route } from "@/lib/http/route";
import { updateUserSchema } from "@/lib/users/model";
import { updateConsoleUser } from "@/lib/users/service";
import { getUserOrThrow } from "@/lib/users/store";

// GET /api/users/{id}: one user with their account grants
export const GET = route(userParams, { permission: "users:manage" }, async ({ params }) =>
  getUserOrThrow(await getDb(), params.id),
);

// PATCH /api/users/{id}: name, role, disabled (ends their sessions) and, optionally, all grants
export const PATCH = route(
  userParams,
  { permission: "users:manage" },
  async ({ req, params, actor, language }) =>
    updateConsoleUser(params.id, await parseBody(req, updateUserSchema), actor, language),
);
