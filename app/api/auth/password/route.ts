import { z } from "zod";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/auth";
import { changePassword } from "@/lib/auth/sign-in";
import { noParams } from "@/lib/http/params";
import { parseBody, route } from "@/lib/http/route";

const passwordBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(PASSWORD_MIN_LENGTH, "validation.passwordTooShort").max(256),
});

// POST /api/auth/password: change the signed-in user's password; their other sessions end
export const POST = route(noParams, { access: "session" }, async ({ req, actor, user }) =>
  changePassword(await parseBody(req, passwordBody), req.headers, { ...actor, user }),
);
