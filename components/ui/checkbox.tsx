"use client";

import * as CheckboxPrimitive from "@radix-ui/react-checkbox";
import { Check, Minus } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

/**
 * A checkbox that can also show "some" (`checked="indeterminate"`), for group checkboxes. The box a
 * person sees is 16 px; the button around it is 24 px, the smallest target WCAG 2.2 (2.5.8) allows.
 */
export function Checkbox({ className, ...props }: ComponentProps<typeof CheckboxPrimitive.Root>) {
  return (
    <CheckboxPrimitive.Root
      className={cn(
        "group peer inline-flex size-6 shrink-0 items-center justify-center rounded",
        "focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-indigo-600",
        "disabled:opacity-50",
        className,
      )}
      {...props}
    >
      <span
        aria-hidden
        className={cn(
          "flex size-4 items-center justify-center rounded border border-slate-400 bg-white",
          "group-data-[state=checked]:border-indigo-600 group-data-[state=checked]:bg-indigo-600 group-data-[state=checked]:text-white",
          "group-data-[state=indeterminate]:border-indigo-600 group-data-[state=indeterminate]:bg-indigo-600 group-data-[state=indeterminate]:text-white",
        )}
      >
        <CheckboxPrimitive.Indicator className="flex items-center justify-center">
          {props.checked === "indeterminate" ? (
            <Minus className="size-3" />
          ) : (
            <Check className="size-3" />
          )}
        </CheckboxPrimitive.Indicator>
      </span>
    </CheckboxPrimitive.Root>
  );
}
