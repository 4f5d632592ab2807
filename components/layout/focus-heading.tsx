"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/** How long to wait for the new page's heading (it may be behind a Suspense boundary). */
const WAIT_MS = 3000;

function focusHeading(): boolean {
  const heading = document.querySelector<HTMLElement>("main h1");
  if (!heading) return false;
  if (!heading.hasAttribute("tabindex")) heading.tabIndex = -1;
  heading.classList.add("outline-none");
  heading.focus();
  return true;
}

/**
 * After a client-side navigation to another page, focus goes to the new page's heading, so a
 * keyboard or screen reader user starts at the top of what changed instead of on a link that is
 * gone. The first load leaves focus to the browser; a change of query only (a search, a page of
 * the list) keeps it where the user is.
 */
export function FocusHeadingOnNavigation() {
  const pathname = usePathname();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    if (focusHeading()) return;
    const main = document.querySelector("main");
    if (!main) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    const timer = setTimeout(() => observer.disconnect(), WAIT_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [pathname]);
  return null;
}
