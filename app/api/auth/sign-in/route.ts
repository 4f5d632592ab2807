import { z } from "zod";
import { signIn } from "@/lib/auth/sign-in";
import { noParams } from "@/lib/http/params";
import { parseBody, route } from "@/lib/http/route";

const signInBody = z.object({
  // A malformed email is a 422 naming the field: not a failed sign-in counted against anyone.
  email: z
    .string()
    .trim()
    .max(254, "validation.emailInvalid")
    .pipe(z.email("validation.emailInvalid")),
  password: z.string().min(1).max(256),
});

// POST /api/auth/sign-in: email and password for a session cookie (429 after repeated failures)
export const POST = route(noParams, { access: "public" }, async ({ req, actor }) =>
  signIn(await parseBody(req, signInBody), actor),
);
