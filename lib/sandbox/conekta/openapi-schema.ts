/**
 * Turns an OpenAPI 3.0 document into one that a JSON Schema validator (Ajv, draft 2019-09) reads
 * the way OpenAPI means it: `nullable: true` becomes a `null` type, OpenAPI-only keywords go, and
 * every schema an operation uses is hoisted into `components.schemas` so that it can be compiled
 * by `$ref` with the document's own `#/components/...` references intact.
 *
 * With `closeObjects`, object schemas also get `unevaluatedProperties: false`: the spec never says
 * `additionalProperties: false`, so without it any object would pass and a contract test could not
 * catch an invented or misspelt field. Schemas used as members of `allOf`/`anyOf`/`oneOf` stay open
 * (the composite that holds them is closed instead, which sees the members' properties).
 */

export type JsonObject = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

const OPENAPI_ONLY = ["example", "discriminator", "xml", "externalDocs", "deprecated"];
const COMPOSITIONS = ["allOf", "anyOf", "oneOf"];
const COMPONENT_REF = "#/components/schemas/";
const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

export function toJsonSchemaDocument(
  spec: JsonObject,
  options: { closeObjects: boolean },
): JsonObject {
  const doc = structuredClone(spec);
  const schemas = componentSchemas(doc);
  const composed = new Set<string>();
  const visited = new WeakSet<object>();

  forEachSchemaRoot(doc, (schema) => collectComposedRefs(schema, composed, new WeakSet()));
  forEachSchemaRoot(doc, (schema, componentName) =>
    convert(schema, componentName !== undefined && composed.has(componentName), options, visited),
  );
  hoistOperationSchemas(doc, schemas);
  return doc;
}

function componentSchemas(doc: JsonObject): JsonObject {
  const components = isRecord(doc.components) ? doc.components : (doc.components = {});
  return isRecord(components.schemas) ? components.schemas : (components.schemas = {});
}

/** Calls `visit` with every schema that is not inside another schema. */
function forEachSchemaRoot(
  doc: JsonObject,
  visit: (schema: JsonObject, componentName?: string) => void,
) {
  const components = isRecord(doc.components) ? doc.components : {};
  for (const [name, schema] of Object.entries(
    isRecord(components.schemas) ? components.schemas : {},
  )) {
    if (isRecord(schema)) visit(schema, name);
  }
  for (const holder of schemaHolders(doc)) {
    const schema = holder.get();
    if (schema) visit(schema);
  }
}

interface SchemaHolder {
  get(): JsonObject | undefined;
  set(schema: JsonObject): void;
  name: string;
}

/** Parameter, request body, response and header schemas, in paths and in components. */
function schemaHolders(doc: JsonObject): SchemaHolder[] {
  const holders: SchemaHolder[] = [];
  const holder = (owner: JsonObject, name: string) => {
    if (isRecord(owner.schema)) {
      holders.push({
        name,
        get: () => (isRecord(owner.schema) ? owner.schema : undefined),
        set: (s) => (owner.schema = s),
      });
    }
  };
  const content = (owner: unknown, name: string) => {
    if (!isRecord(owner) || !isRecord(owner.content)) return;
    for (const [media, entry] of Object.entries(owner.content))
      if (isRecord(entry)) holder(entry, `${name}_${media}`);
    if (isRecord(owner.headers)) {
      for (const [h, entry] of Object.entries(owner.headers))
        if (isRecord(entry)) holder(entry, `${name}_header_${h}`);
    }
  };
  const parameters = (list: unknown, name: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((p: unknown, i) => isRecord(p) && holder(p, `${name}_param${i}`));
  };
  const components = isRecord(doc.components) ? doc.components : {};
  for (const [kind, group] of Object.entries(components)) {
    if (!isRecord(group) || kind === "schemas") continue;
    for (const [name, item] of Object.entries(group)) {
      if (!isRecord(item)) continue;
      if (kind === "parameters" || kind === "headers") holder(item, `c_${kind}_${name}`);
      else content(item, `c_${kind}_${name}`);
    }
  }
  for (const [path, item] of Object.entries(isRecord(doc.paths) ? doc.paths : {})) {
    if (!isRecord(item)) continue;
    parameters(item.parameters, `p_${path}`);
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isRecord(op)) continue;
      const name = `op_${method}_${path}`;
      parameters(op.parameters, name);
      content(op.requestBody, `${name}_body`);
      for (const [status, response] of Object.entries(isRecord(op.responses) ? op.responses : {})) {
        content(response, `${name}_${status}`);
      }
    }
  }
  return holders;
}

function forEachSubschema(
  schema: JsonObject,
  visit: (sub: JsonObject, inComposition: boolean) => void,
) {
  for (const key of ["properties", "patternProperties"]) {
    const map = schema[key];
    if (isRecord(map)) for (const sub of Object.values(map)) if (isRecord(sub)) visit(sub, false);
  }
  for (const key of ["additionalProperties", "items", "not"]) {
    const sub = schema[key];
    if (isRecord(sub)) visit(sub, false);
  }
  for (const key of COMPOSITIONS) {
    const list = schema[key];
    if (Array.isArray(list)) for (const sub of list) if (isRecord(sub)) visit(sub, true);
  }
}

function collectComposedRefs(schema: JsonObject, into: Set<string>, seen: WeakSet<object>) {
  if (seen.has(schema)) return;
  seen.add(schema);
  forEachSubschema(schema, (sub, inComposition) => {
    if (inComposition && typeof sub.$ref === "string" && sub.$ref.startsWith(COMPONENT_REF)) {
      into.add(sub.$ref.slice(COMPONENT_REF.length));
    }
    collectComposedRefs(sub, into, seen);
  });
}

function convert(
  schema: JsonObject,
  inComposition: boolean,
  options: { closeObjects: boolean },
  visited: WeakSet<object>,
) {
  if (visited.has(schema)) return;
  visited.add(schema);
  forEachSubschema(schema, (sub, subInComposition) =>
    convert(sub, subInComposition, options, visited),
  );
  for (const key of OPENAPI_ONLY) delete schema[key];
  const isObject =
    schema.type === "object" || "properties" in schema || COMPOSITIONS.some((k) => k in schema);
  const open =
    "additionalProperties" in schema || "unevaluatedProperties" in schema || "$ref" in schema;
  if (options.closeObjects && !inComposition && isObject && !open)
    schema.unevaluatedProperties = false;
  if (schema.nullable === true) makeNullable(schema);
  delete schema.nullable;
}

function makeNullable(schema: JsonObject) {
  if (typeof schema.type === "string") {
    schema.type = [schema.type, "null"];
    const values: unknown = schema.enum;
    if (Array.isArray(values) && !values.includes(null))
      schema.enum = [...(values as unknown[]), null];
    return;
  }
  // No single type (a `$ref` or a composition): either that schema or null.
  const inner: JsonObject = { ...schema };
  delete inner.nullable;
  for (const key of Object.keys(schema)) delete schema[key];
  schema.anyOf = [inner, { type: "null" }];
}

/** Replaces each inline operation schema by a `$ref` to a new component holding it. */
function hoistOperationSchemas(doc: JsonObject, schemas: JsonObject) {
  let index = 0;
  for (const holder of schemaHolders(doc)) {
    const schema = holder.get();
    if (!schema || isPlainComponentRef(schema)) continue;
    const name = `__sandbox_${index++}_${holder.name.replace(/[^A-Za-z0-9_.-]/g, "_")}`;
    schemas[name] = schema;
    holder.set({ $ref: `${COMPONENT_REF}${name}` });
  }
}

function isPlainComponentRef(schema: JsonObject): boolean {
  return (
    Object.keys(schema).length === 1 &&
    typeof schema.$ref === "string" &&
    schema.$ref.startsWith(COMPONENT_REF)
  );
}

// Navigation in the document, for the validator.

export function pathsOf(doc: JsonObject): JsonObject {
  return isRecord(doc.paths) ? doc.paths : {};
}

export function operationOf(
  doc: JsonObject,
  method: string,
  template: string,
): JsonObject | undefined {
  const item = pathsOf(doc)[template];
  const op = isRecord(item) ? item[method.toLowerCase()] : undefined;
  return HTTP_METHODS.includes(method.toLowerCase()) && isRecord(op) ? op : undefined;
}

export function parametersOf(doc: JsonObject, template: string, op: JsonObject): JsonObject[] {
  const item = pathsOf(doc)[template];
  const shared: unknown[] =
    isRecord(item) && Array.isArray(item.parameters) ? (item.parameters as unknown[]) : [];
  const own: unknown[] = Array.isArray(op.parameters) ? (op.parameters as unknown[]) : [];
  return [...shared, ...own].flatMap((p: unknown): JsonObject[] => {
    const parameter = resolve(doc, p);
    return parameter ? [parameter] : [];
  });
}

/** Follows a local `$ref` (`#/components/...`) outside schemas: responses, bodies, parameters. */
export function resolve(doc: JsonObject, value: unknown): JsonObject | undefined {
  if (!isRecord(value)) return undefined;
  if (typeof value.$ref !== "string") return value;
  let target: unknown = doc;
  for (const part of value.$ref.replace(/^#\//, "").split("/")) {
    target = isRecord(target) ? target[part.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
  }
  return resolve(doc, target);
}
