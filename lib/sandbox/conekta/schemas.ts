import { z } from "zod";
import { conektaErrors, type ConektaError, type DetailInput } from "./errors";
import { isConektaEventName } from "./event-names";
import { isObjectId } from "./ids";
import { messages } from "./messages";

/** The spec's own pattern for `webhook_request.url`: it is case-sensitive, and so is the sandbox. */
const SPEC_URL_PATTERN = /^(?!.*(localhost|127\.0\.0\.1)).*$/;

type CustomKind = "urlInvalid" | "urlLoopback" | "eventUnknown";

function custom(ctx: z.RefinementCtx, kind: CustomKind, value: string, path: PropertyKey[] = []) {
  ctx.addIssue({ code: "custom", message: kind, params: { kind, value }, path });
}

function urlSchema(allowLoopback: boolean) {
  return z.string().superRefine((value, ctx) => {
    let parsed: URL | undefined;
    try {
      parsed = new URL(value);
    } catch {
      parsed = undefined;
    }
    // The spec says `format: url`; deliveries are HTTP POSTs, so only http and https make sense.
    if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:"))
      custom(ctx, "urlInvalid", value);
    else if (!allowLoopback && !SPEC_URL_PATTERN.test(value)) custom(ctx, "urlLoopback", value);
  });
}

const eventsSchema = z
  .array(z.string())
  .superRefine((events, ctx) => {
    events.forEach((name, i) => {
      if (!isConektaEventName(name)) custom(ctx, "eventUnknown", name, [i]);
    });
  })
  // `events` replaces the set; a name sent twice is subscribed once.
  .transform((events) => [...new Set(events)]);

/**
 * Request bodies. Objects are strict: Conekta answers unknown parameters with its
 * `conekta.errors.parameter_validation.whitelist` error (the spec's `422_whitelist` reply). So at
 * 2.1.0 a 2.2.0-style `subscribed_events` or an `events` on create gets it, and at 2.2.0 a 2.1.0
 * `synchronous` or `events` does.
 */
export function createBodySchemas(allowLoopback: boolean) {
  const url = urlSchema(allowLoopback);
  return {
    createWebhook: z.strictObject({ url, synchronous: z.boolean() }),
    updateWebhook: z.strictObject({
      url,
      // Absent means unchanged (the spec's `default: false` would silently switch it off).
      synchronous: z.boolean().optional(),
      events: eventsSchema.optional(),
    }),
    // 2.2+: events on create (absent means the same default set as a 2.1.0 create), and an
    // update where every field is optional (absent means unchanged).
    createModernWebhook: z.strictObject({ url, subscribed_events: eventsSchema.optional() }),
    updateModernWebhook: z.strictObject({
      url: url.optional(),
      subscribed_events: eventsSchema.optional(),
      active: z.boolean().optional(),
    }),
    createWebhookKey: z.strictObject({ active: z.boolean().default(true) }),
  };
}

export type BodySchemas = ReturnType<typeof createBodySchemas>;

export const listQuerySchema = z
  .object({
    limit: z
      .string()
      .regex(/^\d+$/)
      .transform(Number)
      .pipe(z.number().int().min(1).max(250))
      .default(20),
    search: z.string().optional(),
    url: z.string().optional(),
    next: z.string().refine(isObjectId).optional(),
    previous: z.string().refine(isObjectId).optional(),
  })
  .refine((q) => q.next === undefined || q.previous === undefined, {
    message: "cursorsCombined",
    path: ["previous"],
  });

export type ListQuery = z.output<typeof listQuerySchema>;

const LIST_PARAMS = ["limit", "search", "url", "next", "previous"] as const;

/** The list parameters of a query string; unknown parameters are ignored, as Conekta does. */
export function parseListQuery(query: URLSearchParams): ListQuery {
  const raw: Record<string, string> = {};
  for (const name of LIST_PARAMS) {
    const value = query.get(name);
    if (value !== null) raw[name] = value;
  }
  const parsed = listQuerySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw conektaErrors.validation(parsed.error.issues.map((issue) => queryDetail(issue)));
}

function queryDetail(issue: z.core.$ZodIssue): DetailInput {
  const param = String(issue.path[0] ?? "");
  if (issue.message === "cursorsCombined") {
    return {
      code: "conekta.errors.parameter_validation.previous.invalid",
      param,
      message: messages.cursorsCombined,
    };
  }
  if (param === "limit") {
    return {
      code: "conekta.errors.parameter_validation.limit.invalid",
      param,
      message: messages.limitInvalid,
    };
  }
  return {
    code: `conekta.errors.parameter_validation.${param}.invalid`,
    param,
    message: messages.cursorInvalid(param),
  };
}

/** Parses a JSON body with `schema`, or throws the Conekta 422 that names each bad parameter. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  if (body === null || typeof body !== "object" || Array.isArray(body))
    throw conektaErrors.malformedJson();
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const fields = body as Record<string, unknown>;
  throw toValidationError(parsed.error.issues.flatMap((issue) => bodyDetails(issue, fields)));
}

function toValidationError(details: DetailInput[]): ConektaError {
  return conektaErrors.validation(details);
}

function bodyDetails(issue: z.core.$ZodIssue, body: Record<string, unknown>): DetailInput[] {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({
      code: "conekta.errors.parameter_validation.whitelist",
      param: key,
      message: messages.paramNotAllowed(key),
    }));
  }
  const param = String(issue.path[0] ?? "");
  const prefix = `conekta.errors.parameter_validation.${param}`;
  if (issue.code === "custom") {
    const params = (issue.params ?? {}) as { kind?: CustomKind; value?: string };
    const value = params.value ?? "";
    if (params.kind === "eventUnknown")
      return [{ code: `${prefix}.invalid`, param, message: messages.eventUnknown(value) }];
    if (params.kind === "urlLoopback")
      return [{ code: `${prefix}.invalid`, param, message: messages.urlLoopback }];
    return [{ code: `${prefix}.invalid`, param, message: messages.urlInvalid }];
  }
  if (issue.code === "invalid_type" && body[param] === undefined) {
    return [{ code: `${prefix}.missing`, param, message: messages.paramMissing(param) }];
  }
  const expected = issue.code === "invalid_type" ? issue.expected : "valid value";
  return [{ code: `${prefix}.invalid`, param, message: messages.paramType(param, expected) }];
}
