"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { useCallback, useLayoutEffect, useRef, type ComponentProps, type ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

/**
 * The menu itself (Radix DropdownMenu), loaded on the first intent on its button (./dropdown-menu.tsx):
 * arrow keys move, Enter chooses, Escape closes, and focus goes back to the button.
 */
export function DropdownMenuContent({
  trigger,
  children,
  align,
  open,
  onOpenChange,
  focusTrigger,
  focusFirstItem,
}: {
  trigger: ReactNode;
  children: ReactNode;
  align: "start" | "end";
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The button had focus when this replaced it: give the new one focus. */
  focusTrigger: boolean;
  /** It opens from a key pressed on the light button: focus goes to the first item, as Radix does. */
  focusFirstItem: boolean;
}) {
  const button = useRef<HTMLButtonElement>(null);
  const firstItemFocused = useRef(!focusFirstItem);
  // After Radix focused the content it opened (next task), the first item takes focus.
  const focusFirst = useCallback((node: HTMLDivElement | null) => {
    if (!node || firstItemFocused.current) return;
    firstItemFocused.current = true;
    setTimeout(() => {
      node.querySelector<HTMLElement>('[role="menuitem"]:not([data-disabled])')?.focus();
    }, 0);
  }, []);
  useLayoutEffect(() => {
    // Once, at mount: an open menu takes focus itself.
    if (focusTrigger && !open) button.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <Menu.Root modal={false} open={open} onOpenChange={onOpenChange}>
      <Menu.Trigger asChild ref={button}>
        {trigger}
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          align={align}
          sideOffset={4}
          ref={focusFirst}
          className="z-30 min-w-48 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg"
        >
          {children}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}

export function DropdownMenuItem({ className, ...props }: ComponentProps<typeof Menu.Item>) {
  return (
    <Menu.Item
      className={cn(
        "flex h-9 cursor-pointer items-center gap-2 rounded px-2 text-slate-800 outline-none select-none data-[disabled]:pointer-events-none data-[disabled]:opacity-50 data-[highlighted]:bg-indigo-50 data-[highlighted]:text-slate-900",
        className,
      )}
      {...props}
    />
  );
}
