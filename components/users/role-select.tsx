"use client";

import type { ComponentProps } from "react";
import { useTranslations } from "use-intl";
import { roles } from "@/lib/auth/roles";
import { cn } from "@/lib/utils/cn";

/** A native select of the four roles (a combobox named "Role" to accessibility tools). */
export function RoleSelect({
  invalid,
  className,
  ...props
}: ComponentProps<"select"> & { invalid?: boolean }) {
  const t = useTranslations();
  return (
    <select
      aria-invalid={invalid ? true : undefined}
      className={cn(
        "h-9 w-full rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900",
        "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600",
        "aria-invalid:border-red-600",
        className,
      )}
      {...props}
    >
      {roles.map((role) => (
        <option key={role} value={role}>
          {t(`auth.role.${role}`)} — {t(`users.roleSummary.${role}`)}
        </option>
      ))}
    </select>
  );
}
