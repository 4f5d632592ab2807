import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/webhooks/api-client";
import {
  oneTimePasswordReplySchema,
  userSchema,
  type CreateUserInput,
  type OneTimePasswordReply,
  type UpdateUserInput,
} from "./model";
import { userQueries } from "./queries";

/**
 * Mutation hooks keep the users cache right (lists invalidated, the changed user written back);
 * what the person is told (toasts, the one-time password) stays at the call site.
 */

const userPath = (id: string) => `/api/users/${encodeURIComponent(id)}`;

function useWriteBack() {
  const queryClient = useQueryClient();
  return async ({ user }: Pick<OneTimePasswordReply, "user">) => {
    queryClient.setQueryData(userQueries.detail(user.id).queryKey, user);
    await queryClient.invalidateQueries({ queryKey: userQueries.lists() });
  };
}

export function useCreateUser() {
  const writeBack = useWriteBack();
  return useMutation({
    mutationFn: async (input: CreateUserInput) =>
      oneTimePasswordReplySchema.parse(
        await apiFetch("/api/users", { method: "POST", body: JSON.stringify(input) }),
      ),
    onSuccess: writeBack,
  });
}

/** Name, role, disabled and the account grants, saved together in one transaction. */
export function useUpdateUser(id: string) {
  const writeBack = useWriteBack();
  return useMutation({
    mutationFn: async (input: UpdateUserInput) =>
      userSchema.parse(
        await apiFetch(userPath(id), { method: "PATCH", body: JSON.stringify(input) }),
      ),
    onSuccess: (user) => writeBack({ user }),
  });
}

export function useResetPassword(id: string) {
  return useMutation({
    mutationFn: async () =>
      oneTimePasswordReplySchema.parse(
        await apiFetch(`${userPath(id)}/password-reset`, { method: "POST" }),
      ),
  });
}
