"use client";

import { useId, useState } from "react";
import { useTranslations } from "use-intl";
import { accountNameOf } from "@/components/accounts/account-name";
import { ComboboxField, ComboboxMenu } from "@/components/ui/combobox-field";
import { useHydrated } from "@/components/ui/hydrated";
import { onDemand, useOnDemand } from "@/components/ui/on-demand";
import type { Account, ProviderId } from "@/lib/webhooks/model";
import type { SwitcherStart } from "./account-combobox";

const combobox = onDemand(() => import("./account-combobox"));

/** The keys that open the list from the input, as downshift takes them. */
const OPEN_KEYS = ["ArrowDown", "ArrowUp", "Enter"];

/**
 * "Account": a searchable combobox over the provider's accounts (./account-combobox.tsx). What the
 * page loads first is only its look: the label, the input and its button, with their names. The
 * combobox's code (downshift, the account search) loads on the first intent (hover, focus,
 * press), then takes over with whatever was typed or asked for meanwhile.
 */
export function AccountSwitcher(props: {
  provider: ProviderId;
  account: string;
  /** The account the page shows, as the provider names it (looked up on the server). */
  currentAccount: Account | null;
  /** The user's recent accounts at this provider, newest first. */
  recent?: Account[];
}) {
  const t = useTranslations();
  const id = useId();
  const [wanted, setWanted] = useState(false);
  const [start, setStart] = useState<SwitcherStart>({ text: "", open: false, focused: false });
  const loaded = useOnDemand(combobox, wanted);
  // Until the page's code is here, a press opens nothing: say so (components/ui/hydrated.ts).
  const unavailable = useHydrated() ? undefined : true;
  if (loaded) {
    return <loaded.AccountCombobox {...props} start={start} />;
  }

  const { provider, account, currentAccount } = props;
  // A press or a key asks for the list: the combobox replaces this input as soon as its code is
  // here, with focus. Focus alone only loads the code: replacing the input a keyboard user is on
  // would move their focus under them.
  const ask = () => {
    setWanted(true);
    setStart((s) => ({ ...s, open: true, focused: true }));
  };
  const currentName = accountNameOf(
    currentAccount ?? { provider, id: account, name: account },
    t("home.holdingCompany"),
  );
  return (
    <div className="relative w-[28rem] max-w-full" onPointerEnter={() => setWanted(true)}>
      <label
        id={`${id}-label`}
        htmlFor={`${id}-input`}
        className="mb-1 block text-sm font-medium text-slate-700"
      >
        {t("webhooks.account")}
      </label>
      <ComboboxField
        input={{
          id: `${id}-input`,
          role: "combobox",
          "aria-autocomplete": "list",
          "aria-expanded": false,
          "aria-controls": `${id}-menu`,
          "aria-disabled": unavailable,
          autoComplete: "off",
          value: start.text,
          placeholder: currentName,
          onFocus: () => {
            void combobox.load().catch(() => undefined);
            setStart((s) => ({ ...s, focused: true }));
          },
          onBlur: () => setStart((s) => ({ ...s, focused: false })),
          onPointerDown: ask,
          onKeyDown: (event) => {
            if (!OPEN_KEYS.includes(event.key)) return;
            event.preventDefault();
            ask();
          },
          onChange: (event) => {
            const text = event.target.value;
            setWanted(true);
            setStart((s) => ({ ...s, text, open: true, focused: true }));
          },
          className: "placeholder:text-slate-900",
        }}
        toggle={{
          tabIndex: -1,
          "aria-controls": `${id}-menu`,
          "aria-expanded": false,
          "aria-label": t("webhooks.searchAccounts"),
          "aria-disabled": unavailable,
          onPointerDown: ask,
        }}
      />
      <ComboboxMenu id={`${id}-menu`} role="listbox" aria-labelledby={`${id}-label`} open={false} />
    </div>
  );
}
