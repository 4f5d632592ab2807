// The emulator's records and their wire shapes (`webhook_response`, `company_response`,
// `event_response`, `WebhookLog`, `webhook-key_create_response` in the specs). Webhooks have a
// 2.1.0 shape and a 2.2+ shape; the rest is the same at both versions. The sandbox is Conekta's
// test mode: every object has `livemode: false`.
import { isModernVersion, type ConektaApiVersion } from "./versions";

export interface CompanyRecord {
  id: string;
  name: string;
  /** `null` for the holding (parent) company itself. */
  parentCompanyId: string | null;
  createdAt: number;
}

export interface WebhookRecord {
  id: string;
  companyId: string;
  url: string;
  status: string;
  subscribedEvents: string[];
  /** 2.1.0 only; a webhook created at 2.2.0 is asynchronous. */
  synchronous: boolean;
  /** 2.2+ only (2.1.0 has no switch): a webhook created at 2.1.0 is active. */
  active: boolean;
  /** 2.2+ only, and no request sets it: seeded webhooks may have one. */
  description?: string;
}

export interface WebhookLogRecord {
  id: string;
  url: string;
  failedAttempts: number;
  /** 0 until the first attempt, as Conekta sends it. */
  lastAttemptedAt: number;
  /** -1 until an HTTP answer arrives (and after a network error), as Conekta sends it. */
  lastHttpResponseStatus: number;
  responseData?: Record<string, unknown>;
}

export interface EventRecord {
  id: string;
  companyId: string;
  createdAt: number;
  type: string;
  data: Record<string, unknown>;
  webhookStatus: string;
  logs: WebhookLogRecord[];
}

export interface WebhookKeyRecord {
  id: string;
  companyId: string;
  active: boolean;
  createdAt: number;
}

export interface ConektaWebhook {
  id: string;
  url: string;
  status: string;
  subscribed_events: string[];
  synchronous: boolean;
  livemode: boolean;
  production_enabled: boolean;
  development_enabled: boolean;
  deleted: boolean | null;
  object: "webhook";
}

/** `webhook_response` from 2.2.0 on: no `synchronous`, switches or `deleted`; `active` instead. */
export interface ConektaModernWebhook {
  id: string;
  url: string;
  description?: string;
  livemode: boolean;
  active: boolean;
  status: string;
  subscribed_events: string[];
  object: "webhook";
}

export interface ConektaCompany {
  id: string;
  name: string;
  parent_company_id?: string;
  created_at: number;
  use_parent_fiscal_data: boolean;
  object: "company";
}

export interface ConektaWebhookLog {
  id: string;
  url: string;
  failed_attempts: number;
  last_attempted_at: number;
  last_http_response_status: number;
  response_data?: Record<string, unknown>;
  object: "webhook_log";
}

export interface ConektaEvent {
  id: string;
  type: string;
  created_at: number;
  livemode: boolean;
  data: Record<string, unknown>;
  webhook_status: string;
  webhook_logs: ConektaWebhookLog[];
  object: "event";
}

export interface ConektaWebhookKey {
  id: string;
  active: boolean;
  created_at: number;
  livemode: boolean;
  public_key: string;
  object: "webhook_key";
}

export interface ConektaList<T> {
  object: "list";
  has_more: boolean;
  next_page_url: string | null;
  previous_page_url: string | null;
  data: T[];
}

export const LIVEMODE = false;

/**
 * A webhook in the shape of `version`. At 2.1.0 a deleted webhook says `deleted: true`; the 2.2+
 * schema has no such field, so a delete answers with the webhook as it was.
 */
export function toWebhookAt(
  version: ConektaApiVersion,
  record: WebhookRecord,
  deleted: boolean | null = null,
): ConektaWebhook | ConektaModernWebhook {
  if (!isModernVersion(version)) return toWebhook(record, deleted);
  return {
    id: record.id,
    url: record.url,
    // `description` is a non-nullable string in the spec: left out when the webhook has none.
    ...(record.description !== undefined ? { description: record.description } : {}),
    livemode: LIVEMODE,
    active: record.active,
    status: record.status,
    subscribed_events: [...record.subscribedEvents],
    object: "webhook",
  };
}

export function toWebhook(record: WebhookRecord, deleted: boolean | null = null): ConektaWebhook {
  return {
    id: record.id,
    url: record.url,
    status: record.status,
    subscribed_events: [...record.subscribedEvents],
    synchronous: record.synchronous,
    livemode: LIVEMODE,
    // Test-mode webhooks are the development ones.
    production_enabled: LIVEMODE,
    development_enabled: !LIVEMODE,
    deleted,
    object: "webhook",
  };
}

export function toCompany(record: CompanyRecord): ConektaCompany {
  return {
    id: record.id,
    name: record.name,
    // The schema's `parent_company_id` is a non-nullable string: the holding itself has none.
    ...(record.parentCompanyId ? { parent_company_id: record.parentCompanyId } : {}),
    created_at: record.createdAt,
    use_parent_fiscal_data: record.parentCompanyId !== null,
    object: "company",
  };
}

export function toWebhookLog(record: WebhookLogRecord): ConektaWebhookLog {
  return {
    id: record.id,
    url: record.url,
    failed_attempts: record.failedAttempts,
    last_attempted_at: record.lastAttemptedAt,
    last_http_response_status: record.lastHttpResponseStatus,
    // Real replies carry `response_data: null` before an answer; the spec's schema is not nullable,
    // so the sandbox leaves the field out until there is something to show.
    ...(record.responseData ? { response_data: { ...record.responseData } } : {}),
    object: "webhook_log",
  };
}

export function toEvent(record: EventRecord): ConektaEvent {
  return {
    id: record.id,
    type: record.type,
    created_at: record.createdAt,
    livemode: LIVEMODE,
    data: { ...record.data },
    webhook_status: record.webhookStatus,
    webhook_logs: record.logs.map(toWebhookLog),
    object: "event",
  };
}

export function toWebhookKey(record: WebhookKeyRecord, publicKey: string): ConektaWebhookKey {
  return {
    id: record.id,
    active: record.active,
    created_at: record.createdAt,
    livemode: LIVEMODE,
    public_key: publicKey,
    object: "webhook_key",
  };
}
