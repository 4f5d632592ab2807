import "server-only";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "@/lib/providers/cursor";
import type { ListAccountsInput, ProviderAdapter } from "@/lib/providers/types";
import type { AccountPage } from "@/lib/webhooks/model";
import { createConektaClient, type ConektaClientConfig } from "./client";
import { CONEKTA_DEFAULT_ACCOUNT, toAccount } from "./mapper";
import { conektaCompanyListSchema } from "./schemas";

const ACCOUNTS_PAGE_SIZE = 20;
const conektaCursorSchema = z.union([
  z.object({ next: z.string().min(1) }),
  z.object({ previous: z.string().min(1) }),
]);

export function createConektaAdapter(config: ConektaClientConfig): ProviderAdapter {
  const client = createConektaClient(config);

  async function listAccounts({ q, cursor, language }: ListAccountsInput): Promise<AccountPage> {
    const position = cursor ? decodeCursor(cursor, conektaCursorSchema) : {};
    const search = q?.trim() || undefined;
    const list = await client.send(conektaCompanyListSchema, () =>
      client.raw.GET("/companies", {
        params: {
          query: { limit: ACCOUNTS_PAGE_SIZE, search, ...position },
          header: { "Accept-Language": language },
        },
      }),
    );
    const first = list.data[0];
    const last = list.data.at(-1);
    const goingBack = "previous" in position;
    // Going back, `has_more` says whether there is still more before this page.
    const onFirstPage = cursor === undefined || (goingBack && !list.has_more);
    const hasMore = goingBack || list.has_more;
    // The holding's own webhooks come first, on the first page, as the account "default".
    const holding =
      onFirstPage && (!search || "holding company default".includes(search.toLowerCase()))
        ? [{ id: CONEKTA_DEFAULT_ACCOUNT, name: "Holding company", provider: "conekta" as const }]
        : [];
    return {
      data: [...holding, ...list.data.map(toAccount)],
      page: {
        next: last && hasMore ? encodeCursor({ next: last.id }) : null,
        previous: first && !onFirstPage ? encodeCursor({ previous: first.id }) : null,
        hasMore,
      },
    };
  }

  return { id: "conekta", displayName: "Conekta", listAccounts };
}
