"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "use-intl";
import { ThemeSwitch } from "@/components/layout/theme-switch";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/webhooks/api-client";
import { useMe } from "./me-context";

/**
 * A button named after the user's email; it opens their name, role, the theme, password change and
 * Sign out.
 */
export function UserMenu() {
  const me = useMe();
  const t = useTranslations("auth");
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (
        event instanceof KeyboardEvent
          ? event.key === "Escape"
          : !root.current?.contains(event.target as Node)
      )
        setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  if (!me) return null;
  const signOut = async () => {
    setSigningOut(true);
    await apiFetch("/api/auth/sign-out", { method: "POST" }).catch(() => undefined);
    // A full load, so that nothing of this session stays in the page or the query cache.
    window.location.assign(new URL("/sign-in", window.location.origin).href);
  };
  return (
    <div ref={root} className="relative">
      <Button
        variant="ghost"
        size="sm"
        aria-expanded={open}
        aria-controls="user-menu"
        onClick={() => setOpen((value) => !value)}
      >
        {me.email}
      </Button>
      {/* On a phone the header wraps and the button may sit anywhere in its row: the menu spans the
          screen below it instead of hanging off one edge. */}
      {open && (
        <div
          id="user-menu"
          className="fixed inset-x-4 z-20 mt-1 space-y-3 rounded-md border border-slate-200 bg-white p-3 text-sm shadow-lg sm:absolute sm:inset-x-auto sm:right-0 sm:w-64"
        >
          <div>
            <p className="font-medium text-slate-900">{t("signedInAs", { name: me.name })}</p>
            <p className="text-slate-600">{t(`role.${me.role}`)}</p>
          </div>
          <ThemeSwitch />
          <Link
            href="/account/password"
            className="block text-indigo-700 hover:underline"
            onClick={() => setOpen(false)}
          >
            {t("changePassword")}
          </Link>
          <Button
            variant="secondary"
            size="sm"
            className="w-full"
            disabled={signingOut}
            onClick={() => void signOut()}
          >
            {t("signOut")}
          </Button>
        </div>
      )}
    </div>
  );
}
