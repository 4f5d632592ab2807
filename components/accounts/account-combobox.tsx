"use client";

import { accountNameOf } from "@/components/accounts/account-name";
import { AccountLabel } from "@/components/accounts/account-label";
import { ComboboxField, ComboboxMenu } from "@/components/ui/combobox-field";
import { getDescriptor } from "@/lib/providers/catalogue";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useCombobox } from "downshift";
import { useRouter } from "next/navigation";
import { useId, useLayoutEffect, useState } from "react";
import { useDebounce } from "use-debounce";
import { useTranslations } from "use-intl";
import type { Account, ProviderId } from "@/lib/webhooks/model";
import { accountQueries } from "@/lib/webhooks/queries";
import { cn } from "@/lib/utils/cn";

const LOAD_MORE = { id: "__load-more__", name: "", provider: "" } as const satisfies Account;
type Item = Account | typeof LOAD_MORE;
type Group = { key: string; label: string; items: Item[] };

/** What the person did in the switcher before this code arrived (./account-switcher.tsx). */
export interface SwitcherStart {
  /** Text typed so far. */
  text: string;
  /** The list was asked for (a click, a key, typing). */
  open: boolean;
  /** The input had focus: the new one takes it, the caret after the text. */
  focused: boolean;
}

/**
 * "Account": a searchable combobox over the provider's accounts (a holding's child companies, a
 * partner's sub-merchants). It searches on the server and loads one page at a time, so it stays fast
 * with thousands of accounts; choosing one keeps the view and puts the account in the path. Before
 * a search it offers the user's recent accounts first (kept in the database, per user).
 */
export function AccountCombobox({
  provider,
  account,
  currentAccount,
  recent = [],
  start,
}: {
  provider: ProviderId;
  account: string;
  /** The account the page shows, as the provider names it (looked up on the server). */
  currentAccount: Account | null;
  /** The user's recent accounts at this provider, newest first. */
  recent?: Account[];
  start: SwitcherStart;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [typed, setTyped] = useState(start.text);
  const [query] = useDebounce(typed.trim(), 250);
  const [open, setOpen] = useState(start.open);
  const inputId = useId();
  useLayoutEffect(() => {
    // Once, at mount: this input replaced the one the person was in; it takes focus, the caret
    // after what was typed there.
    const input = document.getElementById(inputId);
    if (!start.focused || !(input instanceof HTMLInputElement)) return;
    input.focus();
    input.setSelectionRange(start.text.length, start.text.length);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const accounts = useInfiniteQuery({ ...accountQueries.search(provider, query), enabled: open });

  const loaded = accounts.data?.pages.flatMap((p) => p.data) ?? [];
  const all: Item[] = accounts.hasNextPage ? [...loaded, LOAD_MORE] : loaded;
  // Recent accounts lead while nothing is typed (each account is offered once); a search looks
  // through every account.
  const recentShown = typed.trim() === "" && recent.length > 1 ? recent : [];
  const rest = all.filter((item) => !recentShown.some((r) => r.id === item.id));
  const groups: Group[] = [
    { key: "recent", label: t("webhooks.recentAccounts"), items: recentShown },
    { key: "all", label: t("webhooks.allAccounts"), items: rest },
  ].filter((group) => group.items.length > 0);
  const items = groups.flatMap((group) => group.items);
  const nameOf = (a: Account) => accountNameOf(a, t("home.holdingCompany"));
  const current = loaded.find((a) => a.id === account) ?? currentAccount;
  const currentName = nameOf(current ?? { provider, id: account, name: account });

  const combobox = useCombobox<Item>({
    items,
    inputId,
    initialInputValue: start.text,
    initialIsOpen: start.open,
    // The input's text stays downshift's own state: downshift calls onInputValueChange after
    // rendering, so an `inputValue` controlled from it loses keys typed quickly.
    itemToString: (item) => (item && item !== LOAD_MORE ? nameOf(item) : ""),
    onInputValueChange: ({ inputValue: value }) => setTyped(value),
    onIsOpenChange: ({ isOpen }) => setOpen(isOpen),
    stateReducer: (state, { type, changes }) => {
      // Choosing "Load more" fetches the next page and keeps the list open where it was.
      const chose =
        type === useCombobox.stateChangeTypes.ItemClick ||
        type === useCombobox.stateChangeTypes.InputKeyDownEnter;
      if (chose && changes.selectedItem === LOAD_MORE) {
        void accounts.fetchNextPage();
        return {
          ...changes,
          isOpen: true,
          selectedItem: state.selectedItem,
          inputValue: state.inputValue,
        };
      }
      // Closing forgets the search, so the placeholder shows the current account again.
      return changes.isOpen === false ? { ...changes, inputValue: "" } : changes;
    },
    onSelectedItemChange: ({ selectedItem }) => {
      if (!selectedItem || selectedItem === LOAD_MORE || selectedItem.id === account) return;
      router.push(`/${provider}/${encodeURIComponent(selectedItem.id)}/webhooks`);
    },
  });

  return (
    <div className="relative w-[28rem] max-w-full">
      <label
        {...combobox.getLabelProps()}
        className="mb-1 block text-sm font-medium text-slate-700"
      >
        {t("webhooks.account")}
      </label>
      <ComboboxField
        // No open-on-focus: downshift opens the list on click (and on typing or ArrowDown), and a
        // click would otherwise open it on focus and close it again at once.
        input={{
          ...combobox.getInputProps(),
          // What the provider's accounts are: a holding's child companies, a partner's sub-merchants.
          placeholder: combobox.isOpen
            ? t(`webhooks.searchAccountsOf.${getDescriptor(provider).accounts.noun}`)
            : currentName,
          className: "placeholder:text-slate-900",
        }}
        toggle={{
          ...combobox.getToggleButtonProps(),
          "aria-label": t("webhooks.searchAccounts"),
        }}
        busy={accounts.isFetching}
      />
      <ComboboxMenu {...combobox.getMenuProps()} open={combobox.isOpen}>
        {combobox.isOpen && accounts.isSuccess && items.length === 0 && (
          <li className="px-3 py-2 text-slate-500">{t("webhooks.noAccountsFound")}</li>
        )}
        {combobox.isOpen &&
          groups.map((group, groupIndex) => {
            const offset = groups
              .slice(0, groupIndex)
              .reduce((sum, before) => sum + before.items.length, 0);
            return (
              <li
                key={group.key}
                role="group"
                aria-labelledby={groups.length > 1 ? `account-group-${group.key}` : undefined}
              >
                {groups.length > 1 && (
                  <div
                    id={`account-group-${group.key}`}
                    className="px-3 pt-2 pb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase"
                  >
                    {group.label}
                  </div>
                )}
                <ul role="presentation">
                  {group.items.map((item, i) => {
                    const index = offset + i;
                    return (
                      <li
                        key={item.id}
                        {...combobox.getItemProps({ item, index })}
                        // The account this page shows is the selected one (downshift would mark the
                        // highlighted one, which aria-activedescendant already names).
                        role="option"
                        aria-selected={item !== LOAD_MORE && item.id === account}
                        className={cn(
                          "flex cursor-pointer items-baseline justify-between gap-3 px-3 py-2",
                          combobox.highlightedIndex === index && "bg-indigo-50",
                          item.id === account && "font-semibold",
                        )}
                      >
                        {item === LOAD_MORE ? (
                          <span className="text-indigo-700">{t("webhooks.loadMoreAccounts")}</span>
                        ) : (
                          <>
                            <span>
                              <AccountLabel account={item} />
                            </span>
                            <code className="shrink-0 text-xs text-slate-500">{item.id}</code>
                          </>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </li>
            );
          })}
      </ComboboxMenu>
    </div>
  );
}
