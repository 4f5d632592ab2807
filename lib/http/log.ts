import "server-only";
import { getEnv } from "@/lib/env";

/** Secrets that must never reach a log line, whatever an error happens to carry. */
function secrets(): string[] {
  try {
    const env = getEnv();
    const databasePassword =
      env.database.kind === "server" ? decodeURIComponent(new URL(env.database.url).password) : "";
    // Each provider's secrets are the variables its env schema declares secret.
    return [
      ...Object.values(env.providers).flatMap((p) => p.secrets),
      env.sessionSecret,
      databasePassword,
    ].filter((s): s is string => typeof s === "string" && s.length >= 6);
  } catch {
    return [];
  }
}

export function redact(text: string): string {
  return secrets().reduce((out, secret) => out.split(secret).join("[redacted]"), text);
}

export function logError(requestId: string, error: unknown) {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  const cause =
    error instanceof Error && error.cause instanceof Error
      ? `\n  caused by: ${error.cause.stack ?? error.cause.message}`
      : "";
  console.error(redact(`[${requestId}] ${text}${cause}`));
}
