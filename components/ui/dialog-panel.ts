/**
 * Where a dialog sits: centred on a wide screen; on a phone a sheet along the bottom edge, full
 * width, within thumb reach, scrolling inside when taller than the screen.
 */
export const dialogPanel =
  "fixed z-50 bg-white shadow-xl p-6 sm:top-1/2 sm:left-1/2 sm:w-[min(32rem,calc(100vw-2rem))] sm:-translate-x-1/2 sm:-translate-y-1/2 sm:rounded-lg max-sm:inset-x-0 max-sm:bottom-0 max-sm:max-h-[85vh] max-sm:overflow-y-auto max-sm:rounded-t-2xl max-sm:pb-[max(1.5rem,env(safe-area-inset-bottom))]";

/** The dimmed page behind a dialog. */
export const dialogOverlay = "fixed inset-0 z-40 bg-slate-900/40 dark:bg-black/60";

/**
 * In Radix's `onCloseAutoFocus`: focus goes to `element` (when it is still on the page) instead of
 * where Radix would put it; with no element left, Radix's own choice stands.
 */
export function focusInstead(event: Event, element: HTMLElement | null | undefined) {
  if (!element?.isConnected) return;
  event.preventDefault();
  element.focus();
}
