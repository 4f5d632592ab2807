import { expect, test as setup } from "@playwright/test";
import { roles } from "@/lib/auth/roles";
import { authFile, signIn } from "./fixtures/auth";

for (const role of roles) {
  setup(`sign in as the sandbox ${role}`, async ({ request }) => {
    const response = await signIn(request, role);
    expect(response.status(), await response.text()).toBe(200);
    await request.storageState({ path: authFile(role) });
  });
}
