import { signOut } from "@/lib/auth/sign-in";
import { noParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// POST /api/auth/sign-out: end this session
export const POST = route(noParams, { access: "session" }, ({ req, actor }) =>
  signOut(req.headers, actor),
);
