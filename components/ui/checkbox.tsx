"use client";

import { Check, Minus } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";
import { useAriaDisabledUntilHydrated } from "./hydrated";

export type CheckedState = boolean | "indeterminate";

/**
 * A checkbox that can also show "some" (`checked="indeterminate"`), for group checkboxes: a button
 * with the checkbox role, as Radix's was (`aria-checked`, `data-state`), without its code in the
 * page. Space toggles it, Enter does not (WAI-ARIA), and a `<label htmlFor>` clicks it. The box a
 * person sees is 16 px; the button around it is 24 px, the smallest target WCAG 2.2 (2.5.8) allows.
 */
export function Checkbox({
  className,
  checked,
  onCheckedChange,
  onClick,
  onKeyDown,
  ...props
}: Omit<ComponentProps<"button">, "type" | "role" | "aria-checked"> & {
  checked: CheckedState;
  onCheckedChange?: (checked: boolean) => void;
}) {
  const ariaDisabled = useAriaDisabledUntilHydrated(props["aria-disabled"]);
  const state = checked === "indeterminate" ? "indeterminate" : checked ? "checked" : "unchecked";
  return (
    <button
      type="button"
      role="checkbox"
      aria-checked={checked === "indeterminate" ? "mixed" : checked}
      data-state={state}
      data-disabled={props.disabled ? "" : undefined}
      className={cn(
        "group peer inline-flex size-6 shrink-0 items-center justify-center rounded",
        "focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-indigo-600",
        "disabled:opacity-50",
        className,
      )}
      onKeyDown={(event) => {
        if (event.key === "Enter") event.preventDefault();
        onKeyDown?.(event);
      }}
      onClick={(event) => {
        onClick?.(event);
        if (!event.defaultPrevented) onCheckedChange?.(checked === "indeterminate" || !checked);
      }}
      {...props}
      aria-disabled={ariaDisabled}
    >
      <span
        aria-hidden
        className={cn(
          "flex size-4 items-center justify-center rounded border border-slate-400 bg-white",
          "group-data-[state=checked]:border-indigo-600 group-data-[state=checked]:bg-indigo-600 group-data-[state=checked]:text-white",
          "group-data-[state=indeterminate]:border-indigo-600 group-data-[state=indeterminate]:bg-indigo-600 group-data-[state=indeterminate]:text-white",
        )}
      >
        {checked === "indeterminate" ? (
          <Minus className="size-3" />
        ) : checked ? (
          <Check className="size-3" />
        ) : null}
      </span>
    </button>
  );
}
