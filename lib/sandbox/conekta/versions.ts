/**
 * The API versions the emulator serves. The request's `Accept: application/vnd.conekta-vX+json`
 * picks one; no `Accept`, or a version the sandbox does not emulate, gets 2.1.0 (see README.md:
 * Conekta documents neither case, and 2.1.0 is the version its own examples send).
 */
export const CONEKTA_API_VERSIONS = ["2.1.0", "2.2.0"] as const;
export type ConektaApiVersion = (typeof CONEKTA_API_VERSIONS)[number];
export const DEFAULT_CONEKTA_API_VERSION: ConektaApiVersion = "2.1.0";

/** The media type of a version's replies: `application/vnd.conekta-v2.2.0+json`. */
export function conektaMediaType(version: string): string {
  return `application/vnd.conekta-v${version}+json`;
}

/** The version an `Accept` header asks for, if the sandbox emulates it; otherwise the default. */
export function versionOfAccept(accept: string | undefined): ConektaApiVersion {
  const asked = /application\/vnd\.conekta-v(\d+\.\d+\.\d+)\+json/i.exec(accept ?? "")?.[1];
  return CONEKTA_API_VERSIONS.find((v) => v === asked) ?? DEFAULT_CONEKTA_API_VERSION;
}

/** True from 2.2.0 on: webhooks have `active` and `description`, and take `subscribed_events`. */
export function isModernVersion(version: ConektaApiVersion): boolean {
  return version !== "2.1.0";
}
