import { ArrowLeft } from "lucide-react";
import Link from "next/link";

export function FormPageHeader({
  title,
  backHref,
  backLabel,
}: {
  title: string;
  backHref: string;
  backLabel: string;
}) {
  return (
    <div className="space-y-2">
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
