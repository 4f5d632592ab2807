/**
 * The largest API request body, in bytes. The server's gate refuses a larger Content-Length before
 * a byte is read; parseBody counts a body that declares none (chunked) and stops at it.
 */
export const MAX_BODY_BYTES = 64 * 1024;
