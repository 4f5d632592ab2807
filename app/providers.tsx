"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { IntlProvider } from "use-intl";
import { Toaster } from "@/components/ui/toaster";
import type { Language } from "@/lib/http/language";
import { messages } from "@/lib/i18n/messages";
import { ApiError } from "@/lib/webhooks/api-client";

function makeQueryClient() {
  return new QueryClient({
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

export function Providers({ language, children }: { language: Language; children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <IntlProvider locale={language} messages={messages[language]} timeZone="UTC">
      <QueryClientProvider client={queryClient}>
        {children}
        <Toaster />
      </QueryClientProvider>
    </IntlProvider>
  );
}
