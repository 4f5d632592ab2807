import type { ReactNode } from "react";

/** Says on every page that the data is simulated; the text comes translated from the layout. */
export function SandboxBanner({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-900">
      {children}
    </div>
  );
}
