import { DEFAULT_SUBSCRIBED_EVENTS } from "./event-names";
import { seedId } from "./ids";
import type { EventRecord, WebhookRecord } from "./resources";
import { ConektaStore } from "./store";

const DAY = 86_400;
const HOUR = 3_600;
/** 2024-01-01T00:00:00Z: seeds are older than anything created while the sandbox runs. */
const T0 = 1_704_067_200;

const at = (days: number, hours = 0) => T0 + days * DAY + hours * HOUR;

/** Ids of well-known seeded items, for tests and demos (also listed in README.md). */
export const CONEKTA_SEED = {
  parentCompanyId: seedId(at(0), 1),
  parentCompanyName: "Grupo Comercial Sandbox",
  /** A child company already at the 10-webhook limit. */
  fullChildId: seedId(at(1), 2),
  /** A child company with no webhooks. */
  emptyChildId: seedId(at(2), 3),
  /** A child company with one webhook, for isolation tests. */
  otherChildId: seedId(at(3), 4),
  childCount: 12,
  /** The holding's own webhooks: 7, so that a page of 5 has a next page. */
  parentWebhookCount: 7,
  webhooks: {
    parentOk: seedId(at(30, 1), 101),
    parentFail: seedId(at(30, 2), 102),
    parentSlow: seedId(at(30, 3), 103),
    /** Its URL carries `demo:s3cret@`, like the spec's own example. */
    parentWithCredentials: seedId(at(30, 4), 104),
    otherChildOk: seedId(at(40, 1), 301),
  },
  events: {
    parentPingDelivered: seedId(at(60, 1), 501),
    parentPingFailed: seedId(at(60, 2), 502),
  },
} as const;

interface WebhookSeed {
  id: string;
  /** Below `/receivers/`: `ok/...` answers 200, `fail/...` 500, `slow/...` 200 after 6 s. */
  receiver: string;
  status?: "listening" | "intermittent_errors";
  events?: readonly string[];
  synchronous?: boolean;
  /** Shown from 2.2.0 on. */
  active?: boolean;
  description?: string;
  credentials?: { username: string; password: string };
}

const byPrefix = (...prefixes: string[]) =>
  DEFAULT_SUBSCRIBED_EVENTS.filter((name) => prefixes.some((prefix) => name.startsWith(prefix)));

const { webhooks: W } = CONEKTA_SEED;

const PARENT_WEBHOOKS: WebhookSeed[] = [
  {
    id: W.parentOk,
    receiver: "ok/grupo-orders",
    events: byPrefix("order."),
    description: "Pedidos del grupo",
  },
  { id: W.parentFail, receiver: "fail/grupo-legacy-erp", status: "intermittent_errors" },
  { id: W.parentSlow, receiver: "slow/grupo-reports", events: byPrefix("charge.", "order.paid") },
  {
    id: W.parentWithCredentials,
    receiver: "ok/grupo-basic-auth",
    events: byPrefix("charge.paid", "order.paid"),
    credentials: { username: "demo", password: "s3cret" },
  },
  {
    id: seedId(at(30, 5), 105),
    receiver: "ok/grupo-subscriptions",
    events: byPrefix("subscription.", "plan."),
  },
  {
    id: seedId(at(30, 6), 106),
    receiver: "fail/grupo-payouts",
    status: "intermittent_errors",
    events: byPrefix("payout."),
    active: false,
  },
  {
    id: seedId(at(30, 7), 107),
    receiver: "ok/grupo-charges",
    events: byPrefix("charge."),
    synchronous: true,
  },
];

const CHILDREN: { id: string; name: string; webhooks: WebhookSeed[] }[] = [
  {
    id: CONEKTA_SEED.fullChildId,
    name: "Café Central CDMX",
    webhooks: Array.from({ length: 10 }, (_, i) => ({
      id: seedId(at(35, i), 201 + i),
      receiver: `${i % 4 === 3 ? "fail" : "ok"}/cafe-central-${i + 1}`,
      status: i % 4 === 3 ? ("intermittent_errors" as const) : undefined,
      events: i % 2 === 0 ? byPrefix("order.") : undefined,
    })),
  },
  { id: CONEKTA_SEED.emptyChildId, name: "Farmacia Roma", webhooks: [] },
  {
    id: CONEKTA_SEED.otherChildId,
    name: "Panadería La Esperanza",
    webhooks: [
      { id: W.otherChildOk, receiver: "ok/panaderia-esperanza", events: byPrefix("order.paid") },
    ],
  },
  ...[
    "Taquería El Güero",
    "Boutique Polanco",
    "Ferretería Hermanos Díaz",
    "Librería Coyoacán",
    "Gimnasio Fuerza GDL",
    "Florería Xochimilco",
    "Mariscos La Playa",
    "Óptica Visión Puebla",
    "Papelería Querétaro",
  ].map((name, i) => ({
    id: seedId(at(4 + i), 5 + i),
    name,
    webhooks: [
      {
        id: seedId(at(41 + i), 311 + i),
        receiver: `${i % 3 === 2 ? "fail" : "ok"}/${slug(name)}`,
        status: i % 3 === 2 ? ("intermittent_errors" as const) : undefined,
      },
    ],
  })),
];

/**
 * A store holding the demo data; `baseUrl` is the sandbox's own, for the demo receivers. `extra`
 * generated child companies ("Sucursal 0001", …, without webhooks) let a benchmark measure the
 * console against a holding with thousands of them; extra webhooks in the holding (past Conekta's
 * limit of 10, which only a create checks) let a test count past a page of 250.
 */
export function createSeededStore(
  baseUrl: string,
  extra: { childCompanies?: number; webhooks?: number } = {},
): ConektaStore {
  const store = new ConektaStore({
    id: CONEKTA_SEED.parentCompanyId,
    name: CONEKTA_SEED.parentCompanyName,
    parentCompanyId: null,
    createdAt: at(0),
  });
  const addWebhooks = (companyId: string, seeds: WebhookSeed[]) => {
    for (const seed of seeds) store.addWebhook(toRecord(companyId, seed, baseUrl));
  };
  addWebhooks(store.parent.id, PARENT_WEBHOOKS);
  for (const child of CHILDREN) {
    store.addCompany({
      id: child.id,
      name: child.name,
      parentCompanyId: store.parent.id,
      createdAt: idTime(child.id),
    });
    addWebhooks(child.id, child.webhooks);
  }
  for (let n = 1; n <= (extra.childCompanies ?? 0); n++) {
    const createdAt = at(60) + n;
    store.addCompany({
      id: seedId(createdAt, 100_000 + n),
      name: `Sucursal ${String(n).padStart(4, "0")}`,
      parentCompanyId: store.parent.id,
      createdAt,
    });
  }
  addWebhooks(
    store.parent.id,
    Array.from({ length: extra.webhooks ?? 0 }, (_, i) => ({
      // Older than the demo webhooks, so that the demo's first pages stay as they are.
      id: seedId(at(20) + i, 400_000 + i),
      receiver: `ok/extra-${i + 1}`,
    })),
  );
  for (const event of seedEvents(store)) store.addEvent(event);
  return store;
}

function toRecord(companyId: string, seed: WebhookSeed, baseUrl: string): WebhookRecord {
  const url = new URL(`${baseUrl}/receivers/${seed.receiver}`);
  if (seed.credentials) {
    url.username = seed.credentials.username;
    url.password = seed.credentials.password;
  }
  return {
    id: seed.id,
    companyId,
    url: url.toString(),
    status: seed.status ?? "listening",
    subscribedEvents: [...(seed.events ?? DEFAULT_SUBSCRIBED_EVENTS)],
    synchronous: seed.synchronous ?? false,
    active: seed.active ?? true,
    ...(seed.description !== undefined ? { description: seed.description } : {}),
  };
}

/** Two past pings of the holding's webhooks, one delivered and one refused by the receiver. */
function seedEvents(store: ConektaStore): EventRecord[] {
  const ping = (id: string, webhookId: string, status: number, logId: string): EventRecord => {
    const createdAt = idTime(id);
    return {
      id,
      companyId: store.parent.id,
      createdAt,
      type: "webhook_ping",
      data: { action: "ping", livemode: false },
      webhookStatus: status < 300 ? "successful" : "failed",
      logs: [
        {
          id: logId,
          url: store.webhook(store.parent.id, webhookId)?.url ?? "",
          failedAttempts: status < 300 ? 0 : 1,
          lastAttemptedAt: createdAt + 1,
          lastHttpResponseStatus: status,
          responseData: { received: status < 300 },
        },
      ],
    };
  };
  return [
    ping(CONEKTA_SEED.events.parentPingDelivered, W.parentOk, 200, "webhl_2sEedPingGoodAAA1"),
    ping(CONEKTA_SEED.events.parentPingFailed, W.parentFail, 500, "webhl_2sEedPingFaiLAAA2"),
  ];
}

function idTime(id: string): number {
  return Number.parseInt(id.slice(0, 8), 16);
}

function slug(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
