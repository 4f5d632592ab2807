import { randomBytes } from "node:crypto";

const HEX_ID = /^[0-9a-f]{24}$/;
const LOG_ID_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/** True for a 24-character lowercase hex id, the shape of every Conekta id in the 2.1.0 spec. */
export function isObjectId(value: string): boolean {
  return HEX_ID.test(value);
}

/**
 * Ids like MongoDB ObjectIds, which Conekta's ids are: 4 bytes of creation time, 5 random bytes,
 * a 3-byte counter. They sort by creation, so the list cursors (`next`/`previous` = an id) can be
 * compared as positions and still work after the item they name has been deleted.
 */
export function createIdFactory(now: () => Date): () => string {
  const random = randomBytes(5).toString("hex");
  let counter = randomBytes(3).readUIntBE(0, 3);
  let lastSeconds = 0;
  return () => {
    // Never go back in time, so that a newer id always sorts after an older one.
    lastSeconds = Math.max(lastSeconds, Math.floor(now().getTime() / 1000));
    counter = (counter + 1) % 0x1000000;
    return `${hex(lastSeconds, 8)}${random}${hex(counter, 6)}`;
  };
}

/** A fixed id for seeded data: creation time first so that seeds sort before anything created later. */
export function seedId(createdAt: number, n: number): string {
  return `${hex(createdAt, 8)}5eed${hex(n, 12)}`;
}

/** Webhook log ids look like `webhl_2svd2sh6GbqzyWBNZ` in the spec: a prefix and 17 base58 characters. */
export function createWebhookLogId(): string {
  const bytes = randomBytes(17);
  let id = "webhl_";
  for (const byte of bytes) id += LOG_ID_ALPHABET[byte % LOG_ID_ALPHABET.length] ?? "x";
  return id;
}

/** `log_id` of an error reply: an opaque 24-hex id, as in the spec's examples. */
export function createLogId(): string {
  return randomBytes(12).toString("hex");
}

export function unixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

function hex(value: number, width: number): string {
  return value.toString(16).padStart(width, "0").slice(-width);
}
