import type { ReactNode } from "react";

/**
 * Says on every page that the data is simulated; the text comes translated from the layout. On a
 * phone it shows the short form on one line; the whole sentence stays for screen readers.
 */
export function SandboxBanner({ children, short }: { children: ReactNode; short: ReactNode }) {
  return (
    <div role="status" className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-900">
      <span className="max-sm:sr-only">{children}</span>
      <span aria-hidden className="truncate sm:hidden">
        {short}
      </span>
    </div>
  );
}
