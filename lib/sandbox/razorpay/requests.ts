import { z } from "zod";
import type { SandboxRequest } from "../http";
import { parseJsonBody } from "../http";
import { badRequest, RAZORPAY_TEXT } from "./errors";
import { findUrlProblem } from "./url-rules";

/**
 * Request bodies and list queries, parsed with zod and reported the way Razorpay's (Laravel)
 * validator reports: one error, the first broken rule in field order, with `field` set and Laravel's
 * wording ("The x field is required.", "The count may not be greater than 100.").
 */

export interface WebhookBodyRules {
  allowLoopback: boolean;
  /** The event names this merchant may subscribe to. */
  allowedEvents: ReadonlySet<string>;
}

const CREATE_FIELDS = ["url", "events", "alert_email", "secret"] as const;
// `alert_email`, `secret` and `active` are undocumented for a v2 PATCH; the sandbox takes them
// because the v1 webhook API does and the console may send them.
const UPDATE_FIELDS = ["url", "events", "alert_email", "secret", "active"] as const;

const isMissing = (input: unknown) => input === undefined || input === null;

function urlSchema(rules: WebhookBodyRules) {
  return z
    .string({
      error: (iss) => (isMissing(iss.input) ? RAZORPAY_TEXT.urlRequired : RAZORPAY_TEXT.invalidUrl),
    })
    .min(1, RAZORPAY_TEXT.urlRequired)
    .superRefine((url, ctx) => {
      if (url === "") return;
      const problem = findUrlProblem(url, rules);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
}

function eventsSchema(rules: WebhookBodyRules) {
  return z
    .array(z.unknown(), {
      error: (iss) =>
        isMissing(iss.input) ? RAZORPAY_TEXT.eventsRequired : "The events must be an array.",
    })
    .min(1, RAZORPAY_TEXT.eventsRequired)
    .superRefine((events, ctx) => {
      const bad = [
        ...new Set(
          events.filter((e) => typeof e !== "string" || !rules.allowedEvents.has(e)).map(showName),
        ),
      ];
      if (bad.length > 0)
        ctx.addIssue({ code: "custom", message: `Invalid event name/names: ${bad.join(", ")}` });
    })
    .transform((events) =>
      dedupeKeepingLast(events.filter((e): e is string => typeof e === "string")),
    );
}

const alertEmailSchema = z
  .string({ error: "The alert email must be a valid email address." })
  // Laravel skips the email rule for an empty string, so "" clears the address.
  .refine(
    (email) => email === "" || z.regexes.email.test(email),
    "The alert email must be a valid email address.",
  );

const secretSchema = z.string({ error: "The secret must be a string." });

// Laravel's `boolean` rule takes true/false, 1/0 and "1"/"0".
const activeSchema = z
  .union([z.boolean(), z.literal(1), z.literal(0), z.literal("1"), z.literal("0")], {
    error: "The active field must be true or false.",
  })
  .transform((value) => value === true || value === 1 || value === "1");

export function createWebhookCreateSchema(rules: WebhookBodyRules) {
  return z.object({
    url: urlSchema(rules),
    events: eventsSchema(rules),
    alert_email: alertEmailSchema.optional(),
    secret: secretSchema.optional(),
  });
}

export function createWebhookUpdateSchema(rules: WebhookBodyRules) {
  return createWebhookCreateSchema(rules).extend({ active: activeSchema.optional() });
}

export type WebhookCreateInput = z.output<ReturnType<typeof createWebhookCreateSchema>>;
export type WebhookUpdateInput = z.output<ReturnType<typeof createWebhookUpdateSchema>>;

export function parseCreateBody(req: SandboxRequest, rules: WebhookBodyRules): WebhookCreateInput {
  return parseBody(req, createWebhookCreateSchema(rules), CREATE_FIELDS);
}

export function parseUpdateBody(req: SandboxRequest, rules: WebhookBodyRules): WebhookUpdateInput {
  return parseBody(req, createWebhookUpdateSchema(rules), UPDATE_FIELDS);
}

function parseBody<T>(req: SandboxRequest, schema: z.ZodType<T>, fields: readonly string[]): T {
  const body = readJsonObject(req);
  // Razorpay refuses fields it does not expect before it checks the ones it does.
  const extra = Object.keys(body).filter((key) => !fields.includes(key));
  if (extra.length > 0)
    throw badRequest(`${extra.join(", ")} is/are not required and should not be sent`, extra[0]);
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw firstIssueError(parsed.error, fields);
}

function readJsonObject(req: SandboxRequest): Record<string, unknown> {
  let body: unknown;
  try {
    body = parseJsonBody(req);
  } catch {
    throw badRequest(RAZORPAY_TEXT.invalidJson);
  }
  // An empty body is an empty form: the required-field errors follow.
  if (body === undefined) return {};
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw badRequest(RAZORPAY_TEXT.invalidJson);
  return body as Record<string, unknown>;
}

function firstIssueError(error: z.ZodError, fields: readonly string[]) {
  const rank = (issue: z.core.$ZodIssue) => {
    const index = fields.indexOf(String(issue.path[0]));
    return index === -1 ? fields.length : index;
  };
  const [first] = [...error.issues].sort((a, b) => rank(a) - rank(b));
  const field = first?.path[0];
  return badRequest(
    first?.message ?? RAZORPAY_TEXT.badRequest,
    field === undefined ? undefined : String(field),
  );
}

function showName(event: unknown): string {
  return typeof event === "string" ? event : JSON.stringify(event);
}

/**
 * Razorpay drops repeated events keeping the last occurrence: the seed document sends
 * `refund.created` first and last, and the reply lists it last only.
 */
function dedupeKeepingLast(events: string[]): string[] {
  return events.filter((event, index) => events.lastIndexOf(event) === index);
}

const integerParam = (name: string) =>
  z
    .string()
    .regex(/^-?\d+$/, `The ${name} must be an integer.`)
    .transform(Number);

const listQuerySchema = z.object({
  from: integerParam("from").pipe(z.number().min(0, "The from must be at least 0.")).optional(),
  to: integerParam("to").pipe(z.number().min(0, "The to must be at least 0.")).optional(),
  count: integerParam("count")
    .pipe(z.number().min(1, "The count must be at least 1.").max(100, RAZORPAY_TEXT.countTooLarge))
    .default(10),
  skip: integerParam("skip").pipe(z.number().min(0, "The skip must be at least 0.")).default(0),
});
export type ListQuery = z.output<typeof listQuerySchema>;

const LIST_FIELDS = ["from", "to", "count", "skip"] as const;

// GET /v2/accounts/{account_id}/webhooks: unknown query parameters are ignored.
export function parseListQuery(query: URLSearchParams): ListQuery {
  const raw = Object.fromEntries(
    LIST_FIELDS.flatMap((name) => {
      const value = query.get(name);
      return value === null ? [] : [[name, value]];
    }),
  );
  const parsed = listQuerySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw firstIssueError(parsed.error, LIST_FIELDS);
}
