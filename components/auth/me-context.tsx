"use client";

import { createContext, useContext, type ReactNode } from "react";
import { can, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";

/** The signed-in user as pages need it: who they are and what their role allows. */
export interface Me {
  id: string;
  email: string;
  name: string;
  role: Role;
}

const MeContext = createContext<Me | null>(null);

export function MeProvider({ me, children }: { me: Me | null; children: ReactNode }) {
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

export function useMe(): Me | null {
  return useContext(MeContext);
}

/** Whether the signed-in user's role allows this; the server checks again on every request. */
export function useCan(permission: Permission): boolean {
  const me = useMe();
  return me !== null && can(me.role, permission);
}
