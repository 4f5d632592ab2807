import { noParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// GET /api/me: the signed-in user { id, email, name, role, accounts }
export const GET = route(noParams, { access: "session" }, ({ user }) => Promise.resolve(user));
