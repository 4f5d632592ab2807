"use client";

import * as DialogPrimitive from "@radix-ui/react-dialog";
import type { ReactNode } from "react";
import { dialogOverlay, dialogPanel, focusInstead } from "./dialog-panel";

export interface DialogContentProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description: ReactNode;
  /** Where focus goes when the dialog closes: its opener, or the menu's button when a menu is gone. */
  returnFocus: () => HTMLElement | null | undefined;
  children: ReactNode;
}

/**
 * The modal dialog itself (Radix's Dialog), loaded the first time a Dialog opens or its opener shows
 * intent (./dialog.tsx). Its opener is rendered by ./dialog.tsx, not by Radix, so it is there before
 * this code is.
 */
export function DialogContent({
  open,
  onOpenChange,
  title,
  description,
  returnFocus,
  children,
}: DialogContentProps) {
  return (
    <DialogPrimitive.Root open={open} onOpenChange={onOpenChange}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className={dialogOverlay} />
        <DialogPrimitive.Content
          className={dialogPanel}
          onCloseAutoFocus={(event) => focusInstead(event, returnFocus())}
        >
          <DialogPrimitive.Title className="text-lg font-semibold">{title}</DialogPrimitive.Title>
          <DialogPrimitive.Description className="mt-2 text-sm break-words text-slate-600">
            {description}
          </DialogPrimitive.Description>
          {children}
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}

export const DialogClose = DialogPrimitive.Close;
