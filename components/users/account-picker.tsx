"use client";

import { accountNameOf } from "@/components/accounts/account-name";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useCombobox } from "downshift";
import { useState } from "react";
import { useDebounce } from "use-debounce";
import { useTranslations } from "use-intl";
import { ComboboxField, ComboboxMenu } from "@/components/ui/combobox-field";
import type { GrantedAccountView } from "@/lib/users/model";
import { providerNameOf, type ProviderInfo } from "@/lib/users/providers";
import { userQueries } from "@/lib/users/queries";
import type { Account } from "@/lib/webhooks/model";
import { cn } from "@/lib/utils/cn";
import { GrantedAccounts } from "./granted-accounts";

const LOAD_MORE = { id: "__load-more__", name: "", provider: "" } as const satisfies Account;
type Item = Account | typeof LOAD_MORE;
const keyOf = (a: { provider: string; account: string }) => `${a.provider}/${a.account}`;

/**
 * "Accounts": a multi-select over every configured provider's accounts, searched on the server one
 * page at a time (as the account switcher does), with the granted accounts listed below as
 * removable items. Accounts already granted are not offered again.
 */
export function AccountPicker({
  id,
  providers,
  value,
  onChange,
  invalid,
  describedBy,
}: {
  id: string;
  providers: readonly ProviderInfo[];
  value: GrantedAccountView[];
  onChange: (next: GrantedAccountView[]) => void;
  invalid?: boolean;
  describedBy?: string;
}) {
  const t = useTranslations();
  const [typed, setTyped] = useState("");
  const [query] = useDebounce(typed.trim(), 250);
  const [open, setOpen] = useState(false);
  const accounts = useInfiniteQuery({
    ...userQueries.grantable(
      providers.map((p) => p.id),
      query,
    ),
    enabled: open,
  });

  const granted = new Set(value.map(keyOf));
  const loaded = (accounts.data?.pages.flatMap((p) => p.accounts) ?? []).filter(
    (a) => !granted.has(keyOf({ provider: a.provider, account: a.id })),
  );
  const failed = accounts.data?.pages.at(-1)?.failed ?? [];
  const items: Item[] = accounts.hasNextPage ? [...loaded, LOAD_MORE] : loaded;
  const nameOf = (a: Account) => accountNameOf(a, t("home.holdingCompany"));

  const combobox = useCombobox<Item>({
    id,
    items,
    selectedItem: null,
    itemToString: (item) => (item && item !== LOAD_MORE ? nameOf(item) : ""),
    onInputValueChange: ({ inputValue }) => setTyped(inputValue),
    onIsOpenChange: ({ isOpen }) => setOpen(isOpen),
    stateReducer: (state, { type, changes }) => {
      const chose =
        type === useCombobox.stateChangeTypes.ItemClick ||
        type === useCombobox.stateChangeTypes.InputKeyDownEnter;
      // "Load more" keeps the list open where it was; choosing an account closes it and clears the
      // search, ready for the next one.
      if (chose && changes.selectedItem === LOAD_MORE)
        return { ...changes, isOpen: true, inputValue: state.inputValue };
      if (chose) return { ...changes, inputValue: "" };
      return changes;
    },
    onSelectedItemChange: ({ selectedItem }) => {
      if (!selectedItem) return;
      if (selectedItem === LOAD_MORE) return void accounts.fetchNextPage();
      onChange([
        ...value,
        { provider: selectedItem.provider, account: selectedItem.id, name: selectedItem.name },
      ]);
    },
  });

  return (
    <div className="space-y-2">
      <div className="relative max-w-xl">
        <label
          {...combobox.getLabelProps()}
          className="mb-1 block text-sm font-medium text-slate-800"
        >
          {t("users.accounts")}
        </label>
        <ComboboxField
          input={{
            ...combobox.getInputProps({
              "aria-invalid": invalid ? true : undefined,
              "aria-describedby": describedBy,
            }),
            placeholder: t("users.picker.placeholder"),
          }}
          toggle={{ ...combobox.getToggleButtonProps(), "aria-label": t("users.picker.toggle") }}
          busy={accounts.isFetching}
          invalid={invalid}
        />
        <ComboboxMenu {...combobox.getMenuProps()} open={combobox.isOpen}>
          {combobox.isOpen &&
            failed.map((f) => (
              <li key={f.provider} className="px-3 py-2 text-red-700">
                {t("users.picker.loadFailed", {
                  provider: providerNameOf(providers, f.provider),
                  message: f.message,
                })}
              </li>
            ))}
          {combobox.isOpen && accounts.isSuccess && items.length === 0 && (
            <li className="px-3 py-2 text-slate-500">{t("users.picker.noneFound")}</li>
          )}
          {combobox.isOpen &&
            items.map((item, index) => (
              <li
                key={
                  item === LOAD_MORE
                    ? item.id
                    : keyOf({ provider: item.provider, account: item.id })
                }
                {...combobox.getItemProps({ item, index })}
                className={cn(
                  "flex cursor-pointer items-center justify-between gap-2 px-3 py-2",
                  combobox.highlightedIndex === index && "bg-indigo-50",
                )}
              >
                {item === LOAD_MORE ? (
                  <span className="text-indigo-700">{t("users.picker.loadMore")}</span>
                ) : (
                  <>
                    <span>
                      <span className="text-slate-500">
                        {providerNameOf(providers, item.provider)} ·{" "}
                      </span>
                      {nameOf(item)}
                    </span>
                    <code className="truncate text-xs text-slate-500">{item.id}</code>
                  </>
                )}
              </li>
            ))}
        </ComboboxMenu>
      </div>
      <GrantedAccounts
        providers={providers}
        value={value}
        onRemove={(grant) => onChange(value.filter((g) => keyOf(g) !== keyOf(grant)))}
      />
    </div>
  );
}
