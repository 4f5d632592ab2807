"use client";

import { useState } from "react";
import type { ConfirmDialogProps } from "./confirm-dialog-content";
import { onDemand, useOnDemand } from "./on-demand";

const content = onDemand(() => import("./confirm-dialog-content"));

/**
 * Loads the confirmation dialog's code ahead of a click: call it when a person shows intent
 * (hover, focus) on what opens one.
 */
export function preloadConfirmDialog(): void {
  void content.load().catch(() => undefined);
}

/**
 * A confirmation dialog: focus is trapped inside while it is open and goes back to the button that
 * opened it; Escape cancels. Built on Radix's AlertDialog, whose code loads the first time the
 * dialog opens (or on preloadConfirmDialog), not with the page: a click that comes first opens it
 * as soon as the code is here.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  // Once opened, the dialog stays mounted, so that Radix can close it (and give focus back).
  const [used, setUsed] = useState(props.open);
  if (props.open && !used) setUsed(true);
  const loaded = useOnDemand(content, used);
  return loaded ? <loaded.ConfirmDialogContent {...props} /> : null;
}
