import { createPingEvent, deliverEvent } from "./delivery";
import { DEFAULT_SUBSCRIBED_EVENTS } from "./event-names";
import { conektaErrors } from "./errors";
import { pageUrlBuilder, paginate } from "./paging";
import { toWebhookAt, type WebhookRecord } from "./resources";
import { ok, readJsonBody, type RouteContext, type RouteHandler } from "./route-context";
import { parseBody, parseListQuery } from "./schemas";
import { WEBHOOK_LIMIT } from "./store";
import { isModernVersion } from "./versions";

// GET /webhooks: the company's webhooks, newest first; `search` is a case-insensitive substring
// of the URL, `url` an exact URL.
export const listWebhooks: RouteHandler = ({ req, company, version, store, services }) => {
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
      (w) => toWebhookAt(version, w),
      pageUrlBuilder(services.urlOf("/webhooks"), query),
    ),
  );
};

// POST /webhooks: 2.1.0 takes `{url, synchronous}`, both required; 2.2+ `{url, subscribed_events?}`.
// At most 10 per company.
export const createWebhook: RouteHandler = (context) => {
  const { company, version, store, services } = context;
  const { url, synchronous, events } = readCreateBody(context, readJsonBody(context.req));
  if (store.webhooksOf(company.id).length >= WEBHOOK_LIMIT) throw conektaErrors.webhookLimit();
  const webhook: WebhookRecord = {
    id: services.newId(),
    companyId: company.id,
    url,
    status: "listening",
    // A create without events (always so at 2.1.0) listens to everything until updated.
    subscribedEvents: [...(events ?? DEFAULT_SUBSCRIBED_EVENTS)],
    synchronous,
    active: true,
  };
  store.addWebhook(webhook);
  return ok(toWebhookAt(version, webhook));
};

// GET /webhooks/{id}
export const getWebhook: RouteHandler = (context) =>
  ok(toWebhookAt(context.version, webhookOrThrow(context)));

// PUT /webhooks/{id}: 2.1.0 takes `{url (required), synchronous?, events?}`; 2.2+ takes
// `{url?, subscribed_events?, active?}`. The events sent replace the set; absent means unchanged.
export const updateWebhook: RouteHandler = (context) => {
  const { req, services, version } = context;
  const webhook = webhookOrThrow(context);
  const raw = readJsonBody(req);
  // 2.1.0 makes `url` required on update, so a client resends it to change only the events. The
  // seeded webhooks point at the sandbox's own (loopback) receivers: resending that URL unchanged
  // is allowed even where new loopback URLs are refused, or the seeds could never be edited.
  const keepsUrl =
    typeof raw === "object" && raw !== null && "url" in raw && raw.url === webhook.url;
  const schemas = keepsUrl ? services.loopbackSchemas : services.schemas;
  if (isModernVersion(version)) {
    const body = parseBody(schemas.updateModernWebhook, raw);
    if (body.url !== undefined) webhook.url = body.url;
    if (body.subscribed_events !== undefined) webhook.subscribedEvents = body.subscribed_events;
    if (body.active !== undefined) webhook.active = body.active;
  } else {
    const body = parseBody(schemas.updateWebhook, raw);
    webhook.url = body.url;
    if (body.synchronous !== undefined) webhook.synchronous = body.synchronous;
    if (body.events !== undefined) webhook.subscribedEvents = body.events;
  }
  return ok(toWebhookAt(version, webhook));
};

// DELETE /webhooks/{id}: answers with the webhook as it was, plus `deleted: true` at 2.1.0 (the
// 2.2+ schema has no `deleted`).
export const deleteWebhook: RouteHandler = (context) => {
  const webhook = webhookOrThrow(context);
  context.store.removeWebhook(webhook.id);
  return ok(toWebhookAt(context.version, webhook, true));
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
  return ok(toWebhookAt(context.version, webhook));
};

/** A create body in the version's shape; 2.2+ webhooks are asynchronous (no switch to set). */
function readCreateBody(
  { version, services }: RouteContext,
  raw: unknown,
): { url: string; synchronous: boolean; events?: string[] } {
  if (isModernVersion(version)) {
    const body = parseBody(services.schemas.createModernWebhook, raw);
    return { url: body.url, synchronous: false, events: body.subscribed_events };
  }
  return parseBody(services.schemas.createWebhook, raw);
}

function webhookOrThrow({ params, company, store }: RouteContext): WebhookRecord {
  const id = params.id ?? "";
  const webhook = store.webhook(company.id, id);
  if (!webhook) throw conektaErrors.entityNotFound("Webhook", id);
  return webhook;
}
