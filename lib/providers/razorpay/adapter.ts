import "server-only";
import type { ProviderAccount } from "@/lib/env";
import { decodeCursor, encodeCursor, offsetCursorSchema } from "@/lib/providers/cursor";
import type { ListAccountsInput, ProviderAdapter } from "@/lib/providers/types";
import type { AccountPage } from "@/lib/webhooks/model";

export interface RazorpayConfig {
  keyId: string;
  keySecret: string;
  apiBase: string;
  accounts: ProviderAccount[];
  timeoutMs: number;
}

const ACCOUNTS_PAGE_SIZE = 20;

export function createRazorpayAdapter(config: RazorpayConfig): ProviderAdapter {
  // Razorpay has no API that lists a partner's sub-merchants for this purpose: the accounts the
  // console may open are the operator's list in RAZORPAY_ACCOUNTS, searched and paged here.
  function listAccounts({ q, cursor }: ListAccountsInput): Promise<AccountPage> {
    const offset = cursor ? decodeCursor(cursor, offsetCursorSchema).o : 0;
    const needle = q?.trim().toLowerCase() ?? "";
    const matching = config.accounts.filter(
      (a) =>
        needle === "" ||
        a.id.toLowerCase().includes(needle) ||
        a.name.toLowerCase().includes(needle),
    );
    const slice = matching.slice(offset, offset + ACCOUNTS_PAGE_SIZE);
    const hasMore = offset + ACCOUNTS_PAGE_SIZE < matching.length;
    return Promise.resolve({
      data: slice.map((a) => ({ id: a.id, name: a.name, provider: "razorpay" })),
      page: {
        next: hasMore ? encodeCursor({ o: offset + ACCOUNTS_PAGE_SIZE }) : null,
        previous: offset > 0 ? encodeCursor({ o: Math.max(0, offset - ACCOUNTS_PAGE_SIZE) }) : null,
        hasMore,
      },
    });
  }

  return { id: "razorpay", displayName: "Razorpay", listAccounts };
}
