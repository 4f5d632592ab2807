import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2019, type ErrorObject, type ValidateFunction } from "ajv/dist/2019";
import addFormats from "ajv-formats";
import { parse } from "yaml";
import { isRecord, resolve, toJsonSchemaDocument, type JsonObject } from "./openapi-schema";
import { conektaMediaType, type ConektaApiVersion } from "./versions";

export { CONEKTA_API_VERSIONS, conektaMediaType, type ConektaApiVersion } from "./versions";

/**
 * Contract checks against Conekta's own OpenAPI specs, for tests: the sandbox's replies and (for
 * the adapter's tests) the requests sent to Conekta. API 2.1.0 is checked against the 2.1.0 spec;
 * API 2.2.0 against the current spec (its document says 2.3.0; the webhook shapes it declares are
 * the 2.2+ ones, see PROVIDERS.md). The repository carries a copy of the team's reference specs
 * (lib/providers/conekta/spec/), so a fresh clone can run every test; a test checks that each copy
 * matches its reference when the reference is there.
 */

const SPEC_FILES: Record<ConektaApiVersion, string> = {
  "2.1.0": "conekta-openapi-v2.1.0.yaml",
  "2.2.0": "conekta-openapi.yaml",
};

export const CONEKTA_SPEC_PATHS: Record<ConektaApiVersion, string> = {
  "2.1.0": path.resolve(process.cwd(), "lib/providers/conekta/spec", SPEC_FILES["2.1.0"]),
  "2.2.0": path.resolve(process.cwd(), "lib/providers/conekta/spec", SPEC_FILES["2.2.0"]),
};
export const CONEKTA_SPEC_PATH = CONEKTA_SPEC_PATHS["2.1.0"];

/** The spec, converted for Ajv, with its compiled validators. */
export interface LoadedSpec {
  version: ConektaApiVersion;
  doc: JsonObject;
  ajv: Ajv2019;
  validators: Map<string, ValidateFunction>;
}

const loaded = new Map<string, LoadedSpec>();

/**
 * Reads the spec of `version`; throws, naming the path, when it is missing (the contract cannot
 * be skipped).
 */
export function loadConektaSpec(closed = true, version: ConektaApiVersion = "2.1.0"): LoadedSpec {
  const key = `${version}:${String(closed)}`;
  const cached = loaded.get(key);
  if (cached) return cached;
  const specPath = CONEKTA_SPEC_PATHS[version];
  if (!existsSync(specPath)) {
    throw new Error(
      `Conekta OpenAPI spec not found at ${specPath}. The contract tests need the shared ` +
        "folder (shared/provider-specs) checked out beside the repository.",
    );
  }
  let text = readFileSync(specPath, "utf8");
  // The current spec declares its replies as `vnd.conekta-v2.3.0+json`; a 2.2.0 reply carries the
  // version that was asked for, with the same webhook shapes.
  const declared = /application\/vnd\.conekta-v(\d+\.\d+\.\d+)\+json/.exec(text)?.[1];
  if (declared && declared !== version)
    text = text.replaceAll(conektaMediaType(declared), conektaMediaType(version));
  const raw: unknown = parse(text);
  if (!isRecord(raw) || !/^3\.[01]\./.test(String(raw.openapi)) || !isRecord(raw.paths)) {
    throw new Error(`${specPath} is not an OpenAPI 3.0 or 3.1 document`);
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
  ajv.addSchema({ ...doc, $id: docId(version) });
  const spec = { version, doc, ajv, validators: new Map<string, ValidateFunction>() };
  loaded.set(key, spec);
  return spec;
}

function docId(version: ConektaApiVersion): string {
  return `https://sandbox.local/conekta-openapi-${version}.json`;
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
    validate = spec.ajv.compile({ $ref: `${docId(spec.version)}${ref}` });
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

/**
 * The media types of error replies: those of the shared 401 response (2.1.0 spec), or else of the
 * first error reply an operation declares (the current spec writes them inline).
 */
export function errorMediaTypes(doc: JsonObject): string[] {
  const shared = resolve(doc, { $ref: "#/components/responses/401" });
  if (isRecord(shared?.content)) return Object.keys(shared.content);
  for (const item of Object.values(isRecord(doc.paths) ? doc.paths : {})) {
    for (const op of Object.values(isRecord(item) ? item : {})) {
      const responses = isRecord(op) && isRecord(op.responses) ? op.responses : {};
      for (const [status, declared] of Object.entries(responses)) {
        const response = resolve(doc, declared);
        if (Number(status) >= 400 && isRecord(response?.content))
          return Object.keys(response.content);
      }
    }
  }
  return [];
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
