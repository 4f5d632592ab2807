import "server-only";
import { AppError, type ErrorText } from "@/lib/http/errors";
import type { Language } from "@/lib/http/language";
import { getProvider } from "@/lib/providers/registry";
import type { AccountRef, GrantedAccountView } from "./model";

const keyOf = (g: { provider: string; account: string }) => `${g.provider}/${g.account}`;

/**
 * The grants a list of account refs asks for, each named as its provider names it. An account the
 * user already holds keeps its stored name and is not looked up again (so removing grants works
 * while a provider is down). Every new account is checked at its provider first; if any does not
 * exist there, or its provider is off, nothing is granted: one 422 names them all. A provider that
 * fails or times out fails the whole request the same way (502/504), before anything is stored.
 */
export async function resolveGrants(
  refs: readonly AccountRef[],
  current: readonly GrantedAccountView[],
  language: Language,
): Promise<GrantedAccountView[]> {
  const held = new Map(current.map((g) => [keyOf(g), g]));
  const unique = [...new Map(refs.map((r) => [keyOf(r), r])).values()];
  const results = await Promise.all(
    unique.map((ref) => {
      const kept = held.get(keyOf(ref));
      return kept ? Promise.resolve(kept) : lookUp(ref, language);
    }),
  );
  // In the order asked for, so that the message names them as the user listed them.
  const problems = results.filter((r): r is ErrorText => "key" in r);
  if (problems.length > 0) {
    const accounts = problems
      .map((p) => p.values?.account)
      .map((account) => `“${typeof account === "object" ? account.key : String(account)}”`)
      .join(", ");
    throw AppError.of(
      "invalid_fields",
      "grantsInvalid",
      { accounts },
      { fieldTexts: { accounts: problems } },
    );
  }
  return results.filter((r): r is GrantedAccountView => !("key" in r));
}

/** One new account at its provider: the grant, or why it cannot be granted. */
async function lookUp(
  ref: AccountRef,
  language: Language,
): Promise<GrantedAccountView | ErrorText> {
  const values = { provider: ref.provider, account: ref.account };
  let adapter;
  try {
    adapter = getProvider(ref.provider);
  } catch {
    return { key: "grantProviderOff", values };
  }
  try {
    const account = await adapter.getAccount({ account: ref.account, language });
    return { provider: ref.provider, account: account.id, name: account.name };
  } catch (error) {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden"))
      return { key: "grantUnknownAccount", values: { ...values, provider: adapter.displayName } };
    throw error;
  }
}

/** What a new list of grants adds to and removes from the current one. */
export function diffGrants(
  current: readonly GrantedAccountView[],
  next: readonly GrantedAccountView[],
) {
  const before = new Set(current.map(keyOf));
  const after = new Set(next.map(keyOf));
  return {
    added: next.filter((g) => !before.has(keyOf(g))),
    removed: current.filter((g) => !after.has(keyOf(g))),
  };
}
