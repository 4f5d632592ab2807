import { getDescriptor } from "@/lib/providers/catalogue";
import { cn } from "@/lib/utils/cn";
import type { ProviderId } from "@/lib/webhooks/model";

/** The provider's mark, drawn from its descriptor; decorative, since its name is always beside it. */
export function ProviderMark({
  provider,
  className,
}: {
  provider: ProviderId;
  className?: string;
}) {
  const { mark } = getDescriptor(provider);
  return (
    <svg
      viewBox="0 0 24 24"
      aria-hidden
      className={cn("size-6 shrink-0 rounded-md dark:ring-1 dark:ring-slate-600", className)}
    >
      <rect width="24" height="24" rx="6" fill={mark.background} />
      <path
        d={mark.path}
        fill="none"
        stroke={mark.foreground}
        strokeWidth="2.5"
        strokeLinecap="round"
      />
    </svg>
  );
}
