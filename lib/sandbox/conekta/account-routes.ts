import { conektaErrors } from "./errors";
import { unixSeconds } from "./ids";
import { pageUrlBuilder, paginate } from "./paging";
import { toCompany, toEvent, toWebhookKey, type WebhookKeyRecord } from "./resources";
import { foldText, ok, readJsonBody, type RouteHandler } from "./route-context";
import { parseBody, parseListQuery } from "./schemas";

// GET /companies: the child companies of the calling company, newest first; `search` matches a
// name (ignoring case and accents) or an exact id. A child company has no children: empty list.
export const listCompanies: RouteHandler = ({ req, company, store, services }) => {
  const query = parseListQuery(req.query);
  const needle = query.search === undefined ? undefined : foldText(query.search);
  const companies = store
    .childrenOf(company.id)
    .filter(
      (c) => needle === undefined || c.id === query.search || foldText(c.name).includes(needle),
    );
  return ok(
    paginate(companies, query, toCompany, pageUrlBuilder(services.urlOf("/companies"), query)),
  );
};

// GET /companies/{id}: the calling company itself or one of its children. `current` is the calling
// company (`GET /companies/current` in Conekta's spec), whoever it is.
export const getCompany: RouteHandler = ({ params, company, store }) => {
  const id = params.id === "current" ? company.id : (params.id ?? "");
  const found = store.company(id);
  if (!found || (found.id !== company.id && found.parentCompanyId !== company.id)) {
    throw conektaErrors.entityNotFound("Company", id);
  }
  return ok(toCompany(found));
};

// GET /events: the company's events, newest first; `search` matches a type substring or an id.
export const listEvents: RouteHandler = ({ req, company, store, services }) => {
  const query = parseListQuery(req.query);
  const needle = query.search?.toLowerCase();
  const events = store
    .eventsOf(company.id)
    .filter(
      (e) => needle === undefined || e.id === query.search || e.type.toLowerCase().includes(needle),
    );
  return ok(paginate(events, query, toEvent, pageUrlBuilder(services.urlOf("/events"), query)));
};

// GET /events/{id}
export const getEvent: RouteHandler = ({ params, company, store }) => {
  const id = params.id ?? "";
  const event = store.event(company.id, id);
  if (!event) throw conektaErrors.entityNotFound("Event", id);
  return ok(toEvent(event));
};

// POST /webhook_keys: `{active}`; the reply is the only place the public key is shown. The
// sandbox signs with one key pair, so every key it hands out carries the same public key.
export const createWebhookKey: RouteHandler = ({ req, company, store, services }) => {
  const body = parseBody(services.schemas.createWebhookKey, readJsonBody(req));
  const key: WebhookKeyRecord = {
    id: services.newId(),
    companyId: company.id,
    active: body.active,
    createdAt: unixSeconds(services.now()),
  };
  store.addWebhookKey(key);
  return ok(toWebhookKey(key, services.signer.publicKeyPem));
};
