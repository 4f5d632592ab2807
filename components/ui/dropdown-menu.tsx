"use client";

import {
  cloneElement,
  useState,
  type ComponentProps,
  type KeyboardEvent,
  type PointerEvent,
  type ReactElement,
  type ReactNode,
} from "react";
import type { DropdownMenuItem as RadixItem } from "./dropdown-menu-content";
import { onDemand, useOnDemand } from "./on-demand";

const content = onDemand(() => import("./dropdown-menu-content"));

type TriggerProps = {
  onPointerEnter?: () => void;
  onFocus?: () => void;
  onBlur?: () => void;
  onPointerDown?: (event: PointerEvent<HTMLElement>) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLElement>) => void;
  "aria-haspopup"?: "menu";
  "aria-expanded"?: boolean;
};

/** The keys that open a menu from its button, as Radix's trigger takes them. */
const OPEN_KEYS = ["Enter", " ", "ArrowDown"];

/**
 * A menu of actions opened by a button: arrow keys move, Enter chooses, Escape closes, and focus
 * goes back to the button. The button is here with the page; the menu's code (Radix DropdownMenu)
 * loads on the first intent (hover, focus, press), and a press that comes before it opens the menu
 * as soon as it is here.
 */
export function DropdownMenu({
  trigger,
  children,
  align = "end",
}: {
  trigger: ReactElement<TriggerProps>;
  children: ReactNode;
  align?: "start" | "end";
}) {
  // `wanted`: the menu replaces the light button as soon as its code is here. Focus only loads the
  // code: replacing the button a keyboard user is on would move their focus under them.
  const [wanted, setWanted] = useState(false);
  const [open, setOpen] = useState(false);
  const [byKeyboard, setByKeyboard] = useState(false);
  const [focused, setFocused] = useState(false);
  const loaded = useOnDemand(content, wanted);
  if (loaded) {
    return (
      <loaded.DropdownMenuContent
        trigger={trigger}
        align={align}
        open={open}
        onOpenChange={setOpen}
        focusTrigger={focused}
        focusFirstItem={byKeyboard}
      >
        {children}
      </loaded.DropdownMenuContent>
    );
  }
  const press = (keyboard: boolean) => {
    setWanted(true);
    setOpen(true);
    setByKeyboard(keyboard);
  };
  return cloneElement(trigger, {
    "aria-haspopup": "menu",
    "aria-expanded": false,
    onPointerEnter: () => setWanted(true),
    onFocus: () => {
      setFocused(true);
      void content.load().catch(() => undefined);
    },
    onBlur: () => setFocused(false),
    onPointerDown: (event) => {
      if (event.button === 0 && !event.ctrlKey) press(false);
    },
    onKeyDown: (event) => {
      if (!OPEN_KEYS.includes(event.key)) return;
      event.preventDefault();
      press(true);
    },
  });
}

/** One action of a DropdownMenu; only rendered inside its open menu, once the menu's code is here. */
export function DropdownMenuItem(props: ComponentProps<typeof RadixItem>) {
  const Item = content.get()?.DropdownMenuItem;
  return Item ? <Item {...props} /> : null;
}
