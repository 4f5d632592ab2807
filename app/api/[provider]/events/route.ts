import { providerParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";
import { getEventCatalogue } from "@/lib/webhooks/service";

// GET /api/{provider}/events: the event catalogue, grouped
export const GET = route(providerParams, { permission: "webhooks:read" }, ({ params }) =>
  Promise.resolve(getEventCatalogue(params.provider)),
);
