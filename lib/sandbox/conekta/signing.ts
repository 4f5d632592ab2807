import { createSign, createVerify, generateKeyPairSync, type KeyObject } from "node:crypto";

/**
 * The sandbox's webhook signing key. Conekta signs each delivery with an RSA key of the company
 * and puts the signature in a `DIGEST` header; receivers verify it with the public key that
 * `POST /webhook_keys` returns. Public sources do not pin the encoding down, so the sandbox
 * documents its own: base64 of an RSA-SHA256 (PKCS#1 v1.5) signature over the raw body bytes.
 * One 2048-bit pair per sandbox process, made at start and kept across resets, so that a receiver
 * that fetched the key once keeps verifying.
 */
export interface WebhookSigner {
  publicKeyPem: string;
  sign(body: Buffer | string): string;
  verify(body: Buffer | string, signature: string): boolean;
}

export function createWebhookSigner(): WebhookSigner {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    sign: (body) => signBody(privateKey, body),
    verify: (body, signature) => verifyBody(publicKey, body, signature),
  };
}

function signBody(privateKey: KeyObject, body: Buffer | string): string {
  return createSign("RSA-SHA256").update(body).sign(privateKey, "base64");
}

/** Also what a receiver does with the PEM: `createVerify("RSA-SHA256").update(raw).verify(pem, digest, "base64")`. */
export function verifyBody(
  publicKey: KeyObject | string,
  body: Buffer | string,
  signature: string,
): boolean {
  try {
    return createVerify("RSA-SHA256").update(body).verify(publicKey, signature.trim(), "base64");
  } catch {
    return false;
  }
}
