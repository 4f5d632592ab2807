import { NextResponse } from "next/server";
import { userParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";
import { resetPassword } from "@/lib/users/service";

// POST /api/users/{id}/password-reset: a new one-time password, shown in this reply only; their sessions end
export const POST = route(userParams, { permission: "users:manage" }, async ({ params, actor }) =>
  NextResponse.json(await resetPassword(params.id, actor), {
    headers: { "cache-control": "no-store" },
  }),
);
