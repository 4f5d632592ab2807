import { createPingEvent, deliverEvent } from "./delivery";
import { DEFAULT_SUBSCRIBED_EVENTS } from "./event-names";
import { conektaErrors } from "./errors";
import { pageUrlBuilder, paginate } from "./paging";
import { toWebhook, type WebhookRecord } from "./resources";
import { ok, readJsonBody, type RouteContext, type RouteHandler } from "./route-context";
import { parseBody, parseListQuery } from "./schemas";
import { WEBHOOK_LIMIT } from "./store";

// GET /webhooks: the company's webhooks, newest first; `search` is a case-insensitive substring
// of the URL, `url` an exact URL.
export const listWebhooks: RouteHandler = ({ req, company, store, services }) => {
  const query = parseListQuery(req.query);
  const needle = query.search?.toLowerCase();
  const webhooks = store
    .webhooksOf(company.id)
    .filter(
      (w) =>
        (needle === undefined || w.url.toLowerCase().includes(needle)) &&
        (query.url === undefined || w.url === query.url),
    );
  return ok(
    paginate(
      webhooks,
      query,
      (w) => toWebhook(w),
      pageUrlBuilder(services.urlOf("/webhooks"), query),
    ),
  );
};

// POST /webhooks: `{url, synchronous}`, both required; at most 10 per company.
export const createWebhook: RouteHandler = ({ req, company, store, services }) => {
  const body = parseBody(services.schemas.createWebhook, readJsonBody(req));
  if (store.webhooksOf(company.id).length >= WEBHOOK_LIMIT) throw conektaErrors.webhookLimit();
  const webhook: WebhookRecord = {
    id: services.newId(),
    companyId: company.id,
    url: body.url,
    status: "listening",
    // 2.1.0 takes no events on create: a new webhook listens to everything until updated.
    subscribedEvents: [...DEFAULT_SUBSCRIBED_EVENTS],
    synchronous: body.synchronous,
  };
  store.addWebhook(webhook);
  return ok(toWebhook(webhook));
};

// GET /webhooks/{id}
export const getWebhook: RouteHandler = (context) => ok(toWebhook(webhookOrThrow(context)));

// PUT /webhooks/{id}: `{url (required), synchronous?, events?}`; `events` replaces the set.
export const updateWebhook: RouteHandler = (context) => {
  const { req, services } = context;
  const webhook = webhookOrThrow(context);
  const raw = readJsonBody(req);
  // The spec makes `url` required on update, so a client resends it to change only the events. The
  // seeded webhooks point at the sandbox's own (loopback) receivers: resending that URL unchanged
  // is allowed even where new loopback URLs are refused, or the seeds could never be edited.
  const keepsUrl =
    typeof raw === "object" && raw !== null && "url" in raw && raw.url === webhook.url;
  const schemas = keepsUrl ? services.loopbackSchemas : services.schemas;
  const body = parseBody(schemas.updateWebhook, raw);
  webhook.url = body.url;
  if (body.synchronous !== undefined) webhook.synchronous = body.synchronous;
  if (body.events !== undefined) webhook.subscribedEvents = body.events;
  return ok(toWebhook(webhook));
};

// DELETE /webhooks/{id}: answers with the webhook as it was, plus `deleted: true`.
export const deleteWebhook: RouteHandler = (context) => {
  const webhook = webhookOrThrow(context);
  context.store.removeWebhook(webhook.id);
  return ok(toWebhook(webhook, true));
};

// POST /webhooks/{id}/test: records a `webhook_ping` event and sends it once the reply is out;
// the reply is the webhook, not the delivery result (follow the event's `webhook_logs` for that).
export const testWebhook: RouteHandler = (context) => {
  const { req, store, services } = context;
  // The operation declares no request body; a strict server refuses one before anything else.
  if (req.rawBody.length > 0) throw conektaErrors.bodyNotAllowed();
  const webhook = webhookOrThrow(context);
  const event = createPingEvent(services.newId(), webhook, services.now());
  store.addEvent(event);
  services.later(() => deliverEvent(event, services.signer, services.now));
  return ok(toWebhook(webhook));
};

function webhookOrThrow({ params, company, store }: RouteContext): WebhookRecord {
  const id = params.id ?? "";
  const webhook = store.webhook(company.id, id);
  if (!webhook) throw conektaErrors.entityNotFound("Webhook", id);
  return webhook;
}
