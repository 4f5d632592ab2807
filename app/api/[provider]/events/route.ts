import { providerParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";
import { getEventCatalogue } from "@/lib/webhooks/service";

// GET /api/{provider}/events: the event catalogue, grouped
export const GET = route(providerParams, ({ params }) =>
  Promise.resolve(getEventCatalogue(params.provider)),
);
