import { errorEnvelopeSchema, type ErrorEnvelope } from "./model";

/** An error reply of the console's API, as the browser sees it. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly envelope: ErrorEnvelope["error"],
  ) {
    super(envelope.message);
  }
}

/** `fetch` for the console's own API: JSON in and out, and it throws ApiError on any non-2xx. */
export async function apiFetch(path: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(path, {
    ...init,
    headers: {
      accept: "application/json",
      ...(init?.body ? { "content-type": "application/json" } : {}),
      ...init?.headers,
    },
  });
  if (response.status === 204) return null;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = errorEnvelopeSchema.safeParse(body);
    throw new ApiError(
      response.status,
      parsed.success
        ? parsed.data.error
        : {
            code: "internal",
            message: `The console answered HTTP ${response.status}.`,
            requestId: "unknown",
          },
    );
  }
  return body;
}
