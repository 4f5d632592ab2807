import { ChevronsUpDown, Loader2 } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

/**
 * The look of a search-and-pick field (the account switcher, its combobox, the users page's
 * account picker): a text box, a spinner while results load, and the button that opens the list.
 * What they do is the caller's: downshift's prop getters, or the switcher's light stand-in.
 */
export function ComboboxField({
  input,
  toggle,
  busy = false,
  invalid = false,
}: {
  input: ComponentProps<"input">;
  toggle: ComponentProps<"button">;
  busy?: boolean;
  invalid?: boolean;
}) {
  return (
    <div
      className={cn(
        "flex h-9 items-center rounded-md border border-slate-300 bg-white focus-within:outline-2 focus-within:outline-indigo-600",
        invalid && "border-red-600",
      )}
    >
      <input
        {...input}
        className={cn(
          "h-full min-w-0 flex-1 rounded-md bg-transparent px-3 text-sm outline-none",
          input.className,
        )}
      />
      {busy && <Loader2 aria-hidden className="mr-1 size-4 animate-spin text-slate-400" />}
      <button type="button" {...toggle} className="px-2 text-slate-500">
        <ChevronsUpDown aria-hidden className="size-4" />
      </button>
    </div>
  );
}

/** The list under a ComboboxField, in the page while closed (its id is the input's target). */
export function ComboboxMenu({ open, ...props }: ComponentProps<"ul"> & { open: boolean }) {
  return (
    <ul
      {...props}
      className={cn(
        "absolute z-30 mt-1 max-h-72 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg",
        !open && "hidden",
      )}
    />
  );
}
