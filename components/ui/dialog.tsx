"use client";

import {
  cloneElement,
  useState,
  type ComponentProps,
  type MouseEvent,
  type ReactElement,
  type ReactNode,
  type RefObject,
} from "react";
import type { DialogClose as RadixClose } from "./dialog-content";
import { onDemand, useOnDemand } from "./on-demand";

const content = onDemand(() => import("./dialog-content"));

/** Loads the dialog's code ahead of a click: call it on intent (hover, focus) on an opener. */
export function preloadDialog(): void {
  void content.load().catch(() => undefined);
}

type TriggerProps = {
  onClick?: (event: MouseEvent<HTMLElement>) => void;
  onPointerEnter?: () => void;
  onFocus?: () => void;
  "aria-haspopup"?: "dialog";
  "aria-expanded"?: boolean;
};

/**
 * A modal dialog for a short form: focus is trapped while open and returns to the opener. Its code
 * (Radix's Dialog) loads the first time it opens or its trigger shows intent, not with the page;
 * the trigger is rendered here at once, and a click that comes before the code opens the dialog
 * as soon as the code is here.
 */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  trigger,
  returnFocusTo,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description: ReactNode;
  /** The opener; none when the dialog is opened another way (a keyboard shortcut). */
  trigger?: ReactElement<TriggerProps>;
  /** Where focus goes when the dialog closes, when it was opened from a menu that is gone. */
  returnFocusTo?: RefObject<HTMLElement | null>;
  children: ReactNode;
}) {
  const [opener, setOpener] = useState<HTMLElement | null>(null);
  // Once opened, the dialog stays mounted, so that Radix can close it (and give focus back).
  const [used, setUsed] = useState(open);
  if (open && !used) setUsed(true);
  const loaded = useOnDemand(content, used);
  return (
    <>
      {trigger &&
        cloneElement(trigger, {
          "aria-haspopup": "dialog",
          "aria-expanded": open,
          onPointerEnter: preloadDialog,
          onFocus: preloadDialog,
          onClick: (event) => {
            setOpener(event.currentTarget);
            trigger.props.onClick?.(event);
            onOpenChange(true);
          },
        })}
      {loaded && (
        <loaded.DialogContent
          open={open}
          onOpenChange={onOpenChange}
          title={title}
          description={description}
          returnFocus={() => returnFocusTo?.current ?? opener}
        >
          {children}
        </loaded.DialogContent>
      )}
    </>
  );
}

/** Closes the dialog it is in (Radix's Close); only rendered inside an open Dialog. */
export function DialogClose(props: ComponentProps<typeof RadixClose>) {
  const Close = content.get()?.DialogClose;
  return Close ? <Close {...props} /> : null;
}
