import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import type { Role } from "@/lib/auth/roles";

/**
 * The console's own state, one schema for PGlite and PostgreSQL. The first four tables are the ones
 * better-auth reads and writes (its field names are the object keys); the rest are the console's.
 */

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

export const user = pgTable("user", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: boolean("email_verified").notNull().default(false),
  image: text("image"),
  role: text("role").$type<Role>().notNull().default("viewer"),
  disabled: boolean("disabled").notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const session = pgTable(
  "session",
  {
    id: text("id").primaryKey(),
    token: text("token").notNull().unique(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("session_user_idx").on(t.userId)],
);

export const account = pgTable(
  "account",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at", { withTimezone: true }),
    scope: text("scope"),
    password: text("password"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("account_user_idx").on(t.userId)],
);

export const verification = pgTable("verification", {
  id: text("id").primaryKey(),
  identifier: text("identifier").notNull(),
  value: text("value").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Which provider accounts a merchant or viewer may open (admins and support open all). */
export const accountGrant = pgTable(
  "account_grant",
  {
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    provider: text("provider").notNull(),
    account: text("account").notNull(),
    /** The account's name at the provider when it was granted, for the users page. */
    accountName: text("account_name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.provider, t.account] })],
);

/**
 * Append-only audit log. A trigger refuses UPDATE and DELETE except the one completion of a
 * `pending` entry; `hash` chains each entry to the one before it (`seq` order), and
 * `outcome_hash` seals the completion (lib/audit).
 */
export const auditLog = pgTable(
  "audit_log",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true, precision: 3 }).notNull(),
    userId: text("user_id"),
    userEmail: text("user_email"),
    role: text("role"),
    provider: text("provider"),
    account: text("account"),
    webhookId: text("webhook_id"),
    action: text("action").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    /** `pending` until the provider answered, then `ok` or the error code. */
    outcome: text("outcome").notNull(),
    completedAt: timestamp("completed_at", { withTimezone: true, precision: 3 }),
    requestId: text("request_id"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
    outcomeHash: text("outcome_hash"),
  },
  (t) => [
    index("audit_log_account_idx").on(t.provider, t.account, t.seq),
    index("audit_log_webhook_idx").on(t.provider, t.account, t.webhookId, t.seq),
    index("audit_log_user_idx").on(t.userId, t.seq),
  ],
);

/** Every ping's result, for the list's Last ping column and the edit page's history. */
export const pingResult = pgTable(
  "ping_result",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    provider: text("provider").notNull(),
    account: text("account").notNull(),
    webhookId: text("webhook_id").notNull(),
    userId: text("user_id"),
    userEmail: text("user_email"),
    outcome: text("outcome").notNull(),
    httpStatus: integer("http_status"),
    latencyMs: integer("latency_ms"),
    /** A message code the browser translates (`ping.delivered`, …), with its values. */
    messageCode: text("message_code").notNull(),
    messageValues: jsonb("message_values").$type<Record<string, string | number>>(),
    /** The start of the endpoint's reply, at most 200 characters on one line. */
    responseExcerpt: text("response_excerpt"),
  },
  (t) => [index("ping_result_webhook_idx").on(t.provider, t.account, t.webhookId, t.at)],
);

/** Fixed-window counters shared by every instance: pings per user and webhook, failed sign-ins. */
export const rateLimit = pgTable("rate_limit", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true, precision: 3 }).notNull(),
  count: integer("count").notNull(),
});

/**
 * Idempotency keys of webhook creates (lib/webhooks/idempotency.ts), scoped to the user and the
 * route (provider + account). A row is in flight while `status` is null, held by `owner` until
 * `lease_until` (a crashed instance's row is taken over after that), then keeps the first reply
 * for a repeat until `expires_at` (24 h).
 */
export const idempotencyKey = pgTable(
  "idempotency_key",
  {
    userId: text("user_id").notNull(),
    provider: text("provider").notNull(),
    account: text("account").notNull(),
    key: text("key").notNull(),
    /** sha256 of the request body's canonical JSON: the same key with another body is refused. */
    fingerprint: text("fingerprint").notNull(),
    owner: text("owner").notNull(),
    status: integer("status"),
    reply: jsonb("reply"),
    leaseUntil: timestamp("lease_until", { withTimezone: true, precision: 3 }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true, precision: 3 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.provider, t.account, t.key] }),
    index("idempotency_key_expires_idx").on(t.expiresAt),
  ],
);

/**
 * Creates in flight, one per account and URL, whoever sends them (lib/webhooks/create-flight.ts):
 * a second create of the same URL meanwhile is refused. The row goes when the create ends; one
 * left by a crashed instance is taken over after `lease_until`.
 */
export const createInFlight = pgTable(
  "create_in_flight",
  {
    provider: text("provider").notNull(),
    account: text("account").notNull(),
    /** sha256 of the URL: URLs may be long, and only equality matters. */
    urlHash: text("url_hash").notNull(),
    owner: text("owner").notNull(),
    leaseUntil: timestamp("lease_until", { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.account, t.urlHash] })],
);

/** Values the console generates once and every instance shares (the session secret when unset). */
export const setting = pgTable("setting", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  createdAt: createdAt(),
});

/**
 * The accounts each user opened last, per provider, for the switcher's "Recent" group
 * (lib/webhooks/recent-accounts.ts). The name is the provider's, kept from the visit, so the
 * group shows without asking the provider again.
 */
export const recentAccount = pgTable(
  "recent_account",
  {
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    provider: text("provider").notNull(),
    account: text("account").notNull(),
    name: text("name").notNull(),
    kind: text("kind"),
    visitedAt: timestamp("visited_at", { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.provider, t.account] }),
    index("recent_account_user_idx").on(t.userId, t.provider, t.visitedAt),
  ],
);

/**
 * How many webhooks each provider account has, for the list's "7 of 10" (lib/webhooks/count-cache.ts),
 * shared by every instance so that a list view costs one provider call. `count` is used until
 * `expires_at`; the console's own creates and deletes clear it and bump `generation`, and a count
 * read at the provider before that bump is not stored over it.
 */
export const webhookCount = pgTable(
  "webhook_count",
  {
    provider: text("provider").notNull(),
    account: text("account").notNull(),
    /** Null after a write: the next view counts at the provider. */
    count: integer("count"),
    generation: integer("generation").notNull().default(0),
    countedAt: timestamp("counted_at", { withTimezone: true, precision: 3 }),
    expiresAt: timestamp("expires_at", { withTimezone: true, precision: 3 }),
  },
  (t) => [primaryKey({ columns: [t.provider, t.account] })],
);
