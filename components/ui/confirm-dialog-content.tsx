"use client";

import * as AlertDialogPrimitive from "@radix-ui/react-alert-dialog";
import { useLayoutEffect, useRef, type ReactNode, type RefObject } from "react";
import { cn } from "@/lib/utils/cn";
import { buttonVariants } from "./button";
import { dialogOverlay, dialogPanel, focusInstead } from "./dialog-panel";

export type ConfirmDialogProps = Parameters<typeof ConfirmDialogContent>[0];

/**
 * The confirmation dialog itself (Radix's AlertDialog), loaded the first time a ConfirmDialog opens
 * or its opener shows intent (./alert-dialog.tsx).
 */
export function ConfirmDialogContent({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  cancelLabel,
  onConfirm,
  pending = false,
  destructive = true,
  returnFocusTo,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  pending?: boolean;
  destructive?: boolean;
  /** Where focus goes on close instead of the element focused at opening (a menu item, gone). */
  returnFocusTo?: RefObject<HTMLElement | null>;
  children?: ReactNode;
}) {
  // These dialogs open from code, not from a Radix trigger, so Radix would send focus to <body> on
  // close: remember what had focus when the dialog opened (the switch or button that asked for it).
  const opener = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (open && document.activeElement instanceof HTMLElement)
      opener.current = document.activeElement;
  }, [open]);
  return (
    <AlertDialogPrimitive.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialogPrimitive.Portal>
        <AlertDialogPrimitive.Overlay className={dialogOverlay} />
        <AlertDialogPrimitive.Content
          className={dialogPanel}
          onCloseAutoFocus={(event) =>
            focusInstead(event, returnFocusTo?.current ?? opener.current)
          }
        >
          <AlertDialogPrimitive.Title className="text-lg font-semibold">
            {title}
          </AlertDialogPrimitive.Title>
          <AlertDialogPrimitive.Description className="mt-2 text-sm break-words text-slate-600">
            {description}
          </AlertDialogPrimitive.Description>
          {children}
          <div className="mt-6 flex justify-end gap-2">
            <AlertDialogPrimitive.Cancel
              className={buttonVariants({ variant: "secondary" })}
              disabled={pending}
            >
              {cancelLabel}
            </AlertDialogPrimitive.Cancel>
            <button
              type="button"
              className={cn(buttonVariants({ variant: destructive ? "destructive" : "primary" }))}
              disabled={pending}
              aria-busy={pending}
              onClick={onConfirm}
            >
              {confirmLabel}
            </button>
          </div>
        </AlertDialogPrimitive.Content>
      </AlertDialogPrimitive.Portal>
    </AlertDialogPrimitive.Root>
  );
}
