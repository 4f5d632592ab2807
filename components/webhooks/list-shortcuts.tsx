"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, type RefObject } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";

/** Whether a key press belongs to a field the user is typing in (or a modifier chord). */
function isTyping(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return true;
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * The list's keyboard shortcuts: `/` focuses the search, `n` opens the new-webhook form (when the
 * user may create and the account has room), `?` lists them. They are off while typing in a field
 * and while a dialog is open.
 */
export function ListShortcuts({
  searchRef,
  newHref,
}: {
  searchRef: RefObject<HTMLInputElement | null>;
  /** Where `n` goes; null when a new webhook cannot be made now. */
  newHref: string | null;
}) {
  const t = useTranslations("webhooks.shortcuts");
  const router = useRouter();
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event)) return;
      if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
      if (event.key === "/") {
        event.preventDefault();
        searchRef.current?.focus();
      } else if (event.key === "n" && newHref) {
        event.preventDefault();
        router.push(newHref);
      } else if (event.key === "?") {
        event.preventDefault();
        setOpen(true);
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [searchRef, newHref, router]);

  const keys: [string, string][] = [
    ["/", t("search")],
    ["n", t("new")],
    ["?", t("help")],
  ];
  return (
    <Dialog open={open} onOpenChange={setOpen} title={t("title")} description={t("description")}>
      <dl className="mt-4 grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-2 text-sm">
        {keys.map(([key, action]) => (
          <div key={key} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-50 px-2 py-0.5 font-mono">
                {key}
              </kbd>
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-6 flex justify-end">
        <DialogClose asChild>
          <Button variant="secondary">{t("close")}</Button>
        </DialogClose>
      </div>
    </Dialog>
  );
}
