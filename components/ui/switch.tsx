"use client";

import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";
import { useAriaDisabledUntilHydrated } from "./hydrated";

/**
 * An on/off switch: a button with the switch role, as Radix's was (`aria-checked`, `data-state`),
 * without its code in the page. Space and Enter toggle it; a `<label htmlFor>` clicks it.
 */
export function Switch({
  className,
  checked,
  onCheckedChange,
  onClick,
  ...props
}: Omit<ComponentProps<"button">, "type" | "role" | "aria-checked"> & {
  checked: boolean;
  onCheckedChange?: (checked: boolean) => void;
}) {
  const ariaDisabled = useAriaDisabledUntilHydrated(props["aria-disabled"]);
  const state = checked ? "checked" : "unchecked";
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      data-state={state}
      data-disabled={props.disabled ? "" : undefined}
      className={cn(
        "inline-flex h-5 w-9 shrink-0 items-center rounded-full bg-slate-300 transition-colors data-[state=checked]:bg-indigo-600",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-50",
        className,
      )}
      onClick={(event) => {
        onClick?.(event);
        if (!event.defaultPrevented) onCheckedChange?.(!checked);
      }}
      {...props}
      aria-disabled={ariaDisabled}
    >
      <span
        data-state={state}
        className="block size-4 translate-x-0.5 rounded-full bg-white shadow transition-transform data-[state=checked]:translate-x-[18px]"
      />
    </button>
  );
}
