"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useDebouncedCallback } from "use-debounce";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ProviderInfo } from "@/lib/users/providers";
import { userQueries } from "@/lib/users/queries";
import { NewUserDialog } from "./new-user-dialog";
import { UsersTable } from "./users-table";
import { UsersError, UsersLoading, UsersNoMatches } from "./users-states";

const SEARCH_DEBOUNCE_MS = 300;

/** The users, searched and paged; search and page live in the URL so that Back returns to them. */
export function UsersView({ providers }: { providers: readonly ProviderInfo[] }) {
  const t = useTranslations();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const q = searchParams.get("q") ?? "";
  const cursor = searchParams.get("cursor") ?? undefined;
  const [searchText, setSearchText] = useState(q);
  const list = useQuery(userQueries.list({ q: q || undefined, cursor }));

  const navigate = (changes: { q?: string; cursor?: string }) => {
    const next = new URLSearchParams(searchParams);
    if (!("cursor" in changes)) next.delete("cursor");
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    router.replace(next.size > 0 ? `${pathname}?${next.toString()}` : pathname, { scroll: false });
  };
  const search = useDebouncedCallback(
    (value: string) => navigate({ q: value.trim() }),
    SEARCH_DEBOUNCE_MS,
  );
  const clearSearch = () => {
    search.cancel();
    setSearchText("");
    navigate({ q: undefined });
  };

  const page = list.data?.page;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t("users.title")}</h1>
          <p className="text-sm text-slate-600">{t("users.intro")}</p>
        </div>
        <NewUserDialog />
      </div>
      <Input
        type="search"
        aria-label={t("users.search")}
        placeholder={t("users.searchPlaceholder")}
        className="max-w-md"
        value={searchText}
        onChange={(event) => {
          setSearchText(event.target.value);
          search(event.target.value);
        }}
      />
      {list.isPending ? (
        <UsersLoading />
      ) : list.isError ? (
        <UsersError
          error={list.error}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
      ) : list.data.data.length === 0 && q ? (
        <UsersNoMatches q={q} onClear={clearSearch} />
      ) : (
        <UsersTable users={list.data.data} providers={providers} busy={list.isFetching} />
      )}
      {page && (page.previous || page.next) && (
        <div className="flex justify-end gap-2">
          <Button
            variant="secondary"
            size="sm"
            disabled={!page.previous || list.isFetching}
            onClick={() => navigate({ q, cursor: page.previous ?? undefined })}
          >
            {t("common.previousPage")}
          </Button>
          <Button
            variant="secondary"
            size="sm"
            disabled={!page.next || list.isFetching}
            onClick={() => navigate({ q, cursor: page.next ?? undefined })}
          >
            {t("common.nextPage")}
          </Button>
        </div>
      )}
    </div>
  );
}
