"use client";

import { QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { useEffect, useState, type ReactNode } from "react";
import { IntlProvider } from "use-intl";
import { MeProvider, type Me } from "@/components/auth/me-context";
import { FocusHeadingOnNavigation } from "@/components/layout/focus-heading";
import { Toaster } from "@/components/ui/toaster";
import type { Language } from "@/lib/http/language";
import type { Messages } from "@/lib/i18n/messages";
import { useBrowserTimeZone } from "@/lib/i18n/time-zone";
import { ApiError } from "@/lib/webhooks/api-client";

function makeQueryClient() {
  return new QueryClient({
    // A session that ended (signed out elsewhere, disabled, expired) sends the user to sign in again.
    queryCache: new QueryCache({
      onError: (error) => {
        if (error instanceof ApiError && error.status === 401) {
          // A full load, so that no page or cache of the ended session survives.
          const signIn = new URL("/sign-in", window.location.origin);
          signIn.searchParams.set("next", window.location.pathname + window.location.search);
          window.location.assign(signIn.href);
        }
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // A 4xx will not get better by asking again; a provider hiccup (5xx) might, once.
        retry: (failures, error) =>
          !(error instanceof ApiError && error.status < 500) && failures < 1,
      },
    },
  });
}

export function Providers({
  language,
  messages,
  me,
  children,
}: {
  language: Language;
  /** This language's messages only, from the server: the page ships one language, not both. */
  messages: Messages;
  me: Me | null;
  children: ReactNode;
}) {
  const [queryClient] = useState(makeQueryClient);
  // Dates are shown, and date filters read, in the browser's time zone: a merchant's own days.
  const timeZone = useBrowserTimeZone();
  // Marks the page as hydrated: the browser tests wait for it before they click or type, since a
  // click on a server-rendered checkbox before React takes over is lost.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "";
  }, []);
  return (
    <IntlProvider locale={language} messages={messages} timeZone={timeZone}>
      <NuqsAdapter>
        <QueryClientProvider client={queryClient}>
          <MeProvider me={me}>{children}</MeProvider>
          <Toaster />
          <FocusHeadingOnNavigation />
        </QueryClientProvider>
      </NuqsAdapter>
    </IntlProvider>
  );
}
