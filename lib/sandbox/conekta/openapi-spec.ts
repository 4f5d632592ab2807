import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2019, type ErrorObject, type ValidateFunction } from "ajv/dist/2019";
import addFormats from "ajv-formats";
import { parse } from "yaml";
import { isRecord, resolve, toJsonSchemaDocument, type JsonObject } from "./openapi-schema";

/**
 * Contract checks against Conekta's own OpenAPI 2.1.0 spec, for tests: the sandbox's replies and
 * (for the adapter's tests) the requests sent to Conekta. The repository carries a copy of the
 * team's reference spec (lib/providers/conekta/spec/), so a fresh clone can run every test; a test
 * checks that the copy matches the reference when the reference is there.
 */
export const CONEKTA_SPEC_PATH = path.resolve(
  process.cwd(),
  "lib/providers/conekta/spec/conekta-openapi-v2.1.0.yaml",
);

const DOC_ID = "https://sandbox.local/conekta-openapi-2.1.0.json";

/** The spec, converted for Ajv, with its compiled validators. */
export interface LoadedSpec {
  doc: JsonObject;
  ajv: Ajv2019;
  validators: Map<string, ValidateFunction>;
}

const loaded = new Map<boolean, LoadedSpec>();

/** Reads the spec; throws, naming the path, when it is missing (the contract cannot be skipped). */
export function loadConektaSpec(closed = true): LoadedSpec {
  const cached = loaded.get(closed);
  if (cached) return cached;
  if (!existsSync(CONEKTA_SPEC_PATH)) {
    throw new Error(
      `Conekta OpenAPI spec not found at ${CONEKTA_SPEC_PATH}. The contract tests need the shared ` +
        "folder (shared/provider-specs) checked out beside the repository.",
    );
  }
  const raw: unknown = parse(readFileSync(CONEKTA_SPEC_PATH, "utf8"));
  if (!isRecord(raw) || !String(raw.openapi).startsWith("3.0") || !isRecord(raw.paths)) {
    throw new Error(`${CONEKTA_SPEC_PATH} is not an OpenAPI 3.0 document`);
  }
  const doc = toJsonSchemaDocument(raw, { closeObjects: closed });
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  // OpenAPI's numeric formats and the spec's non-standard `url`.
  const intFormat = (bits: number) => ({
    type: "number" as const,
    validate: (n: number) => Number.isInteger(n) && Math.abs(n) <= 2 ** (bits - 1),
  });
  ajv.addFormat("int8", intFormat(8));
  ajv.addFormat("int32", intFormat(32));
  ajv.addFormat("int64", { type: "number", validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat("url", { type: "string", validate: (s: string) => URL.canParse(s) });
  ajv.addSchema({ ...doc, $id: DOC_ID });
  const spec = { doc, ajv, validators: new Map<string, ValidateFunction>() };
  loaded.set(closed, spec);
  return spec;
}

/** Validates `value` against the schema at `ref` (`#/components/schemas/...`); readable errors. */
export function validateAgainst(
  spec: LoadedSpec,
  ref: string,
  value: unknown,
  where: string,
): string[] {
  let validate = spec.validators.get(ref);
  if (!validate) {
    validate = spec.ajv.compile({ $ref: `${DOC_ID}${ref}` });
    spec.validators.set(ref, validate);
  }
  return validate(value) ? [] : (validate.errors ?? []).map((e) => formatError(where, e));
}

function formatError(where: string, error: ErrorObject): string {
  const extra =
    error.keyword === "unevaluatedProperties"
      ? ` (${String(error.params.unevaluatedProperty)})`
      : "";
  return `${where}${error.instancePath} ${error.message ?? error.keyword}${extra}`;
}

export function errorMediaTypes(doc: JsonObject): string[] {
  const response = resolve(doc, { $ref: "#/components/responses/401" });
  return isRecord(response?.content) ? Object.keys(response.content) : [];
}

export function mediaTypeOf(contentType: string | null | undefined): string | undefined {
  return contentType?.split(";")[0]?.trim().toLowerCase() || undefined;
}

export function checkMediaType(
  contentType: string | null | undefined,
  declared: string[],
): string[] {
  if (contentType === undefined) return [];
  const media = mediaTypeOf(contentType);
  return media !== undefined && declared.includes(media)
    ? []
    : [
        `content type ${String(contentType)} is not declared (declared: ${declared.join(", ") || "none"})`,
      ];
}
