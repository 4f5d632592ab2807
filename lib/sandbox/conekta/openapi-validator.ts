import {
  isRecord,
  operationOf,
  parametersOf,
  pathsOf,
  resolve,
  type JsonObject,
} from "./openapi-schema";
import {
  checkMediaType,
  errorMediaTypes,
  loadConektaSpec,
  mediaTypeOf,
  validateAgainst,
  type ConektaApiVersion,
  type LoadedSpec,
} from "./openapi-spec";

// Contract checks for tests: Conekta replies (the sandbox's) and Conekta requests (the adapter's)
// against the Conekta OpenAPI spec of an API version (2.1.0 unless told). Loading and conversion
// live in openapi-spec.ts.
export {
  CONEKTA_API_VERSIONS,
  CONEKTA_SPEC_PATH,
  CONEKTA_SPEC_PATHS,
  conektaMediaType,
  loadConektaSpec,
  type ConektaApiVersion,
} from "./openapi-spec";

const ERROR_SCHEMA_REF = "#/components/schemas/error";

export interface ContractResult {
  valid: boolean;
  /** Readable problems, empty when valid. */
  errors: string[];
  /** Which part of the spec the value was checked against. */
  checkedAgainst: string;
}

export interface ContractOptions {
  /**
   * Refuse properties the spec does not list (default). The spec never closes its objects, so
   * without this a reply with invented or misspelt fields would pass.
   */
  closed?: boolean;
  /** The API version whose spec to check against (default 2.1.0). */
  version?: ConektaApiVersion;
}

/** The spec's path template for a concrete path, e.g. `/webhooks/abc/test` -> `/webhooks/{id}/test`. */
export function findConektaPathTemplate(concretePath: string): string | undefined {
  const pathname = concretePath.split("?")[0] ?? "";
  const templates = Object.keys(pathsOf(loadConektaSpec().doc));
  const matching = templates.filter((t) =>
    new RegExp(`^${t.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}$`).test(
      pathname,
    ),
  );
  // A literal segment beats a parameter: `/companies/x` is not `/companies/{id}` if both existed.
  return matching.sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0))[0];
}

/**
 * Checks a reply body against the schema the spec gives for that operation and status (and the
 * content type, when given). An error status the operation does not declare (the spec lists few:
 * no 422 on webhooks, for instance) is checked against the spec's one error shape,
 * `components/schemas/error`; an undeclared success status is a failure.
 */
export function validateConektaResponse(
  method: string,
  pathTemplate: string | undefined,
  status: number,
  body: unknown,
  options: ContractOptions & { contentType?: string | null } = {},
): ContractResult {
  const spec = loadConektaSpec(options.closed ?? true, options.version);
  const op = pathTemplate === undefined ? undefined : operationOf(spec.doc, method, pathTemplate);
  const label = `${method.toUpperCase()} ${pathTemplate ?? "(unknown path)"} ${status}`;
  const responses = op && isRecord(op.responses) ? op.responses : {};
  const declared = responses[String(status)] ?? responses.default;
  const response = resolve(spec.doc, declared);
  if (!response) {
    if (status < 400) return fail(label, [`status ${status} is not declared for ${label}`]);
    const errors = checkMediaType(options.contentType, errorMediaTypes(spec.doc));
    return check(
      spec,
      ERROR_SCHEMA_REF,
      body,
      `${ERROR_SCHEMA_REF} (status not declared for ${label})`,
      errors,
    );
  }
  const content = isRecord(response.content) ? response.content : {};
  const errors = checkMediaType(options.contentType, Object.keys(content));
  const media = mediaTypeOf(options.contentType) ?? Object.keys(content)[0];
  const entry = media === undefined ? undefined : content[media];
  const schema = isRecord(entry) && isRecord(entry.schema) ? entry.schema : undefined;
  if (!schema || typeof schema.$ref !== "string") {
    return fail(label, [
      ...errors,
      `${label} declares no schema for ${media ?? "any content type"}`,
    ]);
  }
  return check(spec, schema.$ref, body, `${schema.$ref} (${label})`, errors);
}

export interface ConektaRequestInput {
  headers?: Record<string, string | undefined>;
  query?: Record<string, string> | URLSearchParams;
  /** The parsed JSON body; `undefined` for none. */
  body?: unknown;
}

/**
 * Checks a request as the spec declares it: bearer auth, header and query parameters (declared,
 * required, well-typed), and the body (required, allowed at all, and valid against its schema).
 */
export function validateConektaRequest(
  method: string,
  pathTemplate: string,
  request: ConektaRequestInput,
  options: ContractOptions = {},
): ContractResult {
  const spec = loadConektaSpec(options.closed ?? true, options.version);
  const label = `${method.toUpperCase()} ${pathTemplate}`;
  const op = operationOf(spec.doc, method, pathTemplate);
  if (!op) return fail(label, [`${label} is not an operation of the spec`]);
  const errors: string[] = [];
  const headers = new Map(
    Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
  );
  if (!/^Bearer \S+$/i.test(headers.get("authorization") ?? ""))
    errors.push("missing `Authorization: Bearer <key>`");

  const query = new Map(
    request.query instanceof URLSearchParams ? request.query : Object.entries(request.query ?? {}),
  );
  const declaredQuery = new Set<string>();
  for (const param of parametersOf(spec.doc, pathTemplate, op)) {
    const name = String(param.name);
    const where = String(param.in);
    if (where === "query") declaredQuery.add(name);
    const value =
      where === "header"
        ? headers.get(name.toLowerCase())
        : where === "query"
          ? query.get(name)
          : undefined;
    if (where !== "header" && where !== "query") continue;
    if (value === undefined) {
      if (param.required === true) errors.push(`missing required ${where} parameter ${name}`);
      continue;
    }
    const schema = isRecord(param.schema) ? param.schema : undefined;
    if (typeof schema?.$ref === "string") {
      errors.push(
        ...validateAgainst(
          spec,
          schema.$ref,
          coerce(spec.doc, schema.$ref, value),
          `${where} ${name}`,
        ),
      );
    }
  }
  for (const name of query.keys())
    if (!declaredQuery.has(name)) errors.push(`query parameter ${name} is not declared`);

  const requestBody = resolve(spec.doc, op.requestBody);
  if (request.body === undefined) {
    if (requestBody?.required === true) errors.push(`${label} requires a body`);
  } else if (!requestBody) {
    errors.push(`${label} takes no request body`);
  } else {
    const content = isRecord(requestBody.content) ? requestBody.content : {};
    errors.push(...checkMediaType(headers.get("content-type"), Object.keys(content)));
    const entry = content["application/json"] ?? Object.values(content)[0];
    const ref = isRecord(entry) && isRecord(entry.schema) ? entry.schema.$ref : undefined;
    if (typeof ref === "string") errors.push(...validateAgainst(spec, ref, request.body, "body"));
  }
  return { valid: errors.length === 0, errors, checkedAgainst: label };
}

/** Header and query values are strings; compare them as the type their schema declares. */
function coerce(doc: JsonObject, ref: string, value: string): unknown {
  const schema = resolve(doc, { $ref: ref });
  if (schema?.type === "integer" || schema?.type === "number")
    return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (schema?.type === "boolean")
    return value === "true" ? true : value === "false" ? false : value;
  return value;
}

function check(
  spec: LoadedSpec,
  ref: string,
  body: unknown,
  label: string,
  errors: string[],
): ContractResult {
  const all = [...errors, ...validateAgainst(spec, ref, body, "body")];
  return { valid: all.length === 0, errors: all, checkedAgainst: label };
}

function fail(label: string, errors: string[]): ContractResult {
  return { valid: false, errors, checkedAgainst: label };
}
