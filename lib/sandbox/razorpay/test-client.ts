import { afterAll, beforeAll, beforeEach } from "vitest";
import type { z } from "zod";
import { startSandbox, type Sandbox } from "../server";
import { RAZORPAY_CONTENT_TYPE } from "./emulator";
import {
  razorpayAuthErrorSchema,
  razorpayCollectionSchema,
  razorpayDeleteSchema,
  razorpayErrorSchema,
  razorpayWebhookSchema,
  type RazorpayAuthErrorBody,
  type RazorpayCollection,
  type RazorpayErrorBody,
  type RazorpayWebhook,
} from "./schemas";

/**
 * Test support: a sandbox on a free port and a client whose every reply is checked against the
 * contract in schemas.ts (shape chosen from the route and status, content type included), so any
 * test that talks to the emulator is also a contract test.
 */

export const TEST_KEYS = {
  conektaApiKey: "key_test",
  razorpayKeyId: "rzp_test_x",
  razorpayKeySecret: "s",
};

export function basicAuth(keyId: string, keySecret: string, scheme = "Basic"): string {
  return `${scheme} ${Buffer.from(`${keyId}:${keySecret}`).toString("base64")}`;
}

export const GOOD_AUTH = basicAuth(TEST_KEYS.razorpayKeyId, TEST_KEYS.razorpayKeySecret);

export interface CallOptions {
  /** Serialised as JSON. */
  body?: unknown;
  /** Sent as is, instead of `body`. */
  rawBody?: string;
  /** The Authorization header; `null` sends none. */
  auth?: string | null;
}

export type RazorpayReply =
  | { status: number; kind: "webhook"; body: RazorpayWebhook }
  | { status: number; kind: "collection"; body: RazorpayCollection }
  | { status: number; kind: "deleted"; body: [] }
  | { status: number; kind: "error"; body: RazorpayErrorBody }
  | { status: number; kind: "auth-error"; body: RazorpayAuthErrorBody };

export interface RazorpayTestClient {
  /** Any call; throws when the reply breaks the contract. */
  call(method: string, path: string, options?: CallOptions): Promise<RazorpayReply>;
  /** A call that must succeed with a webhook. */
  webhook(method: string, path: string, body?: unknown): Promise<RazorpayWebhook>;
  /** A list call that must succeed. */
  collection(path: string): Promise<RazorpayCollection>;
  /** A call that must fail in Razorpay's full error shape. */
  error(
    method: string,
    path: string,
    options?: CallOptions,
  ): Promise<{ status: number } & RazorpayErrorBody>;
}

export interface RazorpayTestSandbox {
  sandbox: Sandbox;
  rz: RazorpayTestClient;
  /** Moves the sandbox's clock (tests start it at `START_TIME`). */
  setNow(date: Date): void;
}

/** A fixed start time, so seeded `created_at` values are known. */
export const START_TIME = new Date("2025-03-01T12:00:00Z");
export const START_SECONDS = Math.floor(START_TIME.getTime() / 1000);

export async function startRazorpaySandbox(options: {
  allowLoopback: boolean;
}): Promise<RazorpayTestSandbox> {
  let now = START_TIME;
  const sandbox = await startSandbox({
    port: 0,
    keys: TEST_KEYS,
    allowLoopback: options.allowLoopback,
    now: () => now,
  });
  return {
    sandbox,
    rz: createRazorpayTestClient(`${sandbox.url}/razorpay`),
    setNow: (date) => (now = date),
  };
}

export function createRazorpayTestClient(base: string): RazorpayTestClient {
  const call = async (
    method: string,
    path: string,
    options: CallOptions = {},
  ): Promise<RazorpayReply> => {
    const headers: Record<string, string> = {};
    const auth = options.auth === undefined ? GOOD_AUTH : options.auth;
    if (auth !== null) headers.authorization = auth;
    let payload = options.rawBody;
    if (payload === undefined && options.body !== undefined) payload = JSON.stringify(options.body);
    if (payload !== undefined) headers["content-type"] = "application/json";
    const response = await fetch(`${base}${path}`, { method, headers, body: payload });
    const text = await response.text();
    const context = `${method} ${path} -> ${response.status} ${text}`;
    if (response.headers.get("content-type") !== RAZORPAY_CONTENT_TYPE) {
      throw new Error(
        `contract: content-type ${response.headers.get("content-type")} (${context})`,
      );
    }
    return checkContract(method, path, response.status, parseJson(text, context), context);
  };

  return {
    call,
    async webhook(method, path, body) {
      const reply = await call(method, path, { body });
      if (reply.kind !== "webhook") throw new Error(`expected a webhook: ${JSON.stringify(reply)}`);
      return reply.body;
    },
    async collection(path) {
      const reply = await call("GET", path);
      if (reply.kind !== "collection")
        throw new Error(`expected a collection: ${JSON.stringify(reply)}`);
      return reply.body;
    },
    async error(method, path, options) {
      const reply = await call(method, path, options);
      if (reply.kind !== "error") throw new Error(`expected an error: ${JSON.stringify(reply)}`);
      return { status: reply.status, ...reply.body };
    },
  };
}

function checkContract(
  method: string,
  path: string,
  status: number,
  body: unknown,
  context: string,
): RazorpayReply {
  if (status === 401)
    return {
      status,
      kind: "auth-error",
      body: parseOrThrow(razorpayAuthErrorSchema, body, context),
    };
  if (status >= 400)
    return { status, kind: "error", body: parseOrThrow(razorpayErrorSchema, body, context) };
  if (status !== 200) throw new Error(`contract: Razorpay answers 200 on success (${context})`);
  if (method === "DELETE")
    return { status, kind: "deleted", body: parseOrThrow(razorpayDeleteSchema, body, context) };
  const isList = method === "GET" && /\/webhooks\/?(\?.*)?$/.test(path);
  if (isList)
    return {
      status,
      kind: "collection",
      body: parseOrThrow(razorpayCollectionSchema, body, context),
    };
  return { status, kind: "webhook", body: parseOrThrow(razorpayWebhookSchema, body, context) };
}

function parseOrThrow<T extends z.ZodType>(schema: T, body: unknown, context: string): z.output<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Error(`contract: ${parsed.error.message} (${context})`);
  return parsed.data;
}

function parseJson(text: string, context: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error(`contract: the body is not JSON (${context})`);
  }
}

/** Paths of the sub-merchant webhook API, as the tests write them. */
export const hooks = (account: string) => `/v2/accounts/${account}/webhooks`;
export const hook = (account: string, id: string) => `${hooks(account)}/${id}`;

/** A valid create body for tests that need one. */
export const NEW_WEBHOOK = {
  url: "https://shop.example.com/razorpay",
  events: ["payment.captured", "refund.created"],
};

/** One sandbox per test file, re-seeded and its clock reset before each test. */
export function withRazorpaySandbox(): () => RazorpayTestSandbox {
  let t: RazorpayTestSandbox | undefined;
  beforeAll(async () => {
    t = await startRazorpaySandbox({ allowLoopback: false });
  });
  beforeEach(() => {
    t?.sandbox.reset();
    t?.setNow(START_TIME);
  });
  afterAll(() => t?.sandbox.close());
  return () => {
    if (!t) throw new Error("sandbox not started");
    return t;
  };
}
