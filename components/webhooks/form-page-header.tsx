import { ArrowLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { cn } from "@/lib/utils/cn";

export interface Crumb {
  label: string;
  /** Absent where there is nothing to open (the provider) and on the current page, the last one. */
  href?: string;
}

/**
 * A form page's top: where the form is (provider › account › webhook, as breadcrumbs), the way back
 * to the list, and the heading.
 */
export function FormPageHeader({
  title,
  backHref,
  backLabel,
  crumbs,
  crumbsLabel,
}: {
  title: string;
  backHref: string;
  backLabel: string;
  crumbs?: Crumb[];
  crumbsLabel?: string;
}) {
  return (
    <div className="space-y-2">
      {crumbs && (
        <nav aria-label={crumbsLabel}>
          <ol className="flex flex-wrap items-center gap-1 text-sm text-slate-600">
            {crumbs.map((crumb, i) => (
              <li key={`${i}-${crumb.label}`} className="flex min-w-0 items-center gap-1">
                {i > 0 && <ChevronRight aria-hidden className="size-3.5 shrink-0 text-slate-400" />}
                {crumb.href ? (
                  <Link href={crumb.href} className="truncate hover:text-slate-900 hover:underline">
                    {crumb.label}
                  </Link>
                ) : (
                  <span
                    aria-current={i === crumbs.length - 1 ? "page" : undefined}
                    className={cn(
                      "truncate",
                      i === crumbs.length - 1 && "font-medium text-slate-900",
                    )}
                  >
                    {crumb.label}
                  </span>
                )}
              </li>
            ))}
          </ol>
        </nav>
      )}
      <Link
        href={backHref}
        className="inline-flex items-center gap-1 text-sm text-indigo-700 hover:underline"
      >
        <ArrowLeft aria-hidden className="size-4" />
        {backLabel}
      </Link>
      <h1 className="text-2xl font-semibold">{title}</h1>
    </div>
  );
}
