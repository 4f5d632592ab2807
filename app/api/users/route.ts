import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { noParams } from "@/lib/http/params";
import { parseBody, parseQuery, route } from "@/lib/http/route";
import { createUserSchema } from "@/lib/users/model";
import { createConsoleUser } from "@/lib/users/service";
import { listUsers } from "@/lib/users/store";

const listQuery = z.object({
  q: z.string().max(200, "must be at most 200 characters").optional(),
  cursor: z.string().max(2000).optional(),
});

// GET /api/users?q=&cursor=: a page of users (by email), each with their account grants
export const GET = route(noParams, { permission: "users:manage" }, async ({ req }) =>
  listUsers(await getDb(), parseQuery(req, listQuery)),
);

// POST /api/users: create a user (201) with a one-time password, shown in this reply only
export const POST = route(
  noParams,
  { permission: "users:manage" },
  async ({ req, actor, language }) => {
    const input = await parseBody(req, createUserSchema);
    const created = await createConsoleUser(input, actor, language);
    return NextResponse.json(created, { status: 201, headers: { "cache-control": "no-store" } });
  },
);
