/** How much of an endpoint's reply a ping keeps: enough to see an error message, no more. */
export const RESPONSE_EXCERPT_LENGTH = 200;

/**
 * The start of what an endpoint answered a ping, as one line of plain text: control characters and
 * runs of white space become one space, and a longer reply is cut with "…". Null when it said
 * nothing.
 */
export function responseExcerpt(body: unknown): string | null {
  if (body === null || body === undefined) return null;
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const line = text.replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, " ").trim();
  if (!line) return null;
  return line.length > RESPONSE_EXCERPT_LENGTH
    ? `${line.slice(0, RESPONSE_EXCERPT_LENGTH - 1)}…`
    : line;
}
