import { noParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

// GET /api/health: `{ ok: true }` while the server answers; no session, no database, no provider.
// A load balancer's probe, and `npm run bench`'s do-nothing route: the floor of any API reply.
export const GET = route(noParams, { access: "public" }, () => Promise.resolve({ ok: true }));
