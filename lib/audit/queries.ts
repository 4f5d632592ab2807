import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { apiJson } from "@/lib/webhooks/api-client";
import type { AuditFilterParams } from "./filters";
import type { AuditPage } from "./model";

export type AuditListParams = AuditFilterParams & { cursor?: string };

/** `?account=…&user=…` from the given filters, leaving out empty ones; the CSV link uses it too. */
export function auditSearch(params: AuditListParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  return search.size > 0 ? `?${search.toString()}` : "";
}

/** Query factory for the audit log: the audit page and a webhook's History share its cache. */
export const auditQueries = {
  all: () => ["audit"] as const,
  list: (params: AuditListParams) =>
    queryOptions({
      queryKey: [...auditQueries.all(), "list", params] as const,
      // Typed as the server sends it, not parsed again (lib/webhooks/api-client.ts): zod stays out
      // of the pages' JavaScript (a webhook's History is on its edit page).
      queryFn: async ({ signal }) =>
        apiJson<AuditPage>(`/api/audit${auditSearch(params)}`, { signal }),
      placeholderData: keepPreviousData,
      // Entries arrive all the time: coming back to a page asks again.
      staleTime: 0,
    }),
};
